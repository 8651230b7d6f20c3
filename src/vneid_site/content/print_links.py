"""Absolute link addresses for print: paper cannot follow a link, so print shows where it goes."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin, urlsplit

# A start tag <a ...> (quoted values may hold ">") or an end tag </a>, found in one pass.
_A_TAG = re.compile(r"""<a\b(?P<attrs>(?:[^<>"']|"[^"]*"|'[^']*')*)>|</a\s*>""")
_HREF = re.compile(r'\bhref="(?P<href>[^"]*)"')
_TAG = re.compile(r"<[^>]+>")
_PRINTABLE = ("http", "https")


def add_print_urls(content: str, page_url: str) -> str:
    """Give each link a data-print-url with its absolute address, for the print stylesheet.

    Skipped: in-page anchors, non-web links, and links whose text already is the address.
    """

    def mark(attrs: str, text: str) -> str | None:
        """The start tag with the address added, or None to leave it as it is."""
        href_match = _HREF.search(attrs)
        if href_match is None or "data-print-url" in attrs or "headerlink" in attrs:
            return None
        href = html.unescape(href_match["href"])
        if not href or href.startswith("#"):
            return None
        target = urljoin(page_url, href)
        if urlsplit(target).scheme not in _PRINTABLE:
            return None
        text = html.unescape(_TAG.sub("", text)).strip()
        if text.rstrip("/") == target.rstrip("/") or text.rstrip("/") == href.rstrip("/"):
            return None
        return f'<a{attrs} data-print-url="{html.escape(target, quote=True)}">'

    # Each start tag pairs with the first end tag after it, as the browser's links do; a start
    # tag with none after it is left alone. One pass, however many tags are left open.
    out: list[str] = []
    last = 0
    start: re.Match[str] | None = None
    for tag in _A_TAG.finditer(content):
        if tag["attrs"] is not None:
            start = start or tag
            continue
        if start is None:
            continue
        marked = mark(start["attrs"], content[start.end() : tag.start()])
        if marked is not None:
            out += [content[last : start.start()], marked]
            last = start.end()
        start = None
    out.append(content[last:])
    return "".join(out)
