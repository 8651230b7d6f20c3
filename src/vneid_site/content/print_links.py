"""Absolute link addresses for print: paper cannot follow a link, so print shows where it goes."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin, urlsplit

_LINK = re.compile(r"<a\b(?P<attrs>[^>]*)>(?P<text>.*?)</a>", re.DOTALL)
_HREF = re.compile(r'\bhref="(?P<href>[^"]*)"')
_TAG = re.compile(r"<[^>]+>")
_PRINTABLE = ("http", "https")


def add_print_urls(content: str, page_url: str) -> str:
    """Give each link a data-print-url with its absolute address, for the print stylesheet.

    Skipped: in-page anchors, non-web links, and links whose text already is the address.
    """

    def mark(match: re.Match[str]) -> str:
        attrs = match["attrs"]
        href_match = _HREF.search(attrs)
        if href_match is None or "data-print-url" in attrs or "headerlink" in attrs:
            return match[0]
        href = html.unescape(href_match["href"])
        if not href or href.startswith("#"):
            return match[0]
        target = urljoin(page_url, href)
        if urlsplit(target).scheme not in _PRINTABLE:
            return match[0]
        text = html.unescape(_TAG.sub("", match["text"])).strip()
        if text.rstrip("/") == target.rstrip("/") or text.rstrip("/") == href.rstrip("/"):
            return match[0]
        value = html.escape(target, quote=True)
        return f'<a{attrs} data-print-url="{value}">{match["text"]}</a>'

    return _LINK.sub(mark, content)
