"""The Content-Security-Policy of every page, as a <meta http-equiv> tag, so that it holds on
any static host, including one whose HTTP headers the web team cannot set.

Scripts: the site's own files ('self') and the inline scripts the theme writes into the page,
each allowed by the SHA-256 of its exact text, computed from the finished page. Styles:
'self' and 'unsafe-inline', because the theme and the tables extension use style attributes
(the sanitiser lets content set only text-align). Everything else: this site only, or nothing.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from html.parser import HTMLParser

# Not in a <meta> policy: frame-ancestors (browsers ignore it there, with a console error),
# report-uri and sandbox. README gives the HTTP header with frame-ancestors.
BASE_DIRECTIVES = (
    ("default-src", "'self'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),  # the theme's icons are data: SVGs in its stylesheet
    ("font-src", "'self'"),
    ("connect-src", "'self'"),  # the search index, the language switch's sitemap
    ("worker-src", "'self'"),  # the search worker
    ("frame-src", "'none'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CHARSET = re.compile(r"<meta\s+charset=[\"']?[\w-]+[\"']?\s*/?>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
MARKER = 'http-equiv="Content-Security-Policy"'


class _InlineScripts(HTMLParser):
    """The exact text of each inline script a browser would run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        found = dict(attrs)
        kind = (found.get("type") or "").strip().lower()
        runs = "src" not in found and kind in _JS_TYPES
        self._current = [] if runs else None

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_script_hashes(page: str) -> list[str]:
    """'sha256-...' sources of the page's inline scripts, in order, without repeats."""
    parser = _InlineScripts()
    parser.feed(page)
    parser.close()
    hashes = []
    for text in parser.scripts:
        # Browsers hash the script as parsed, and parsing turns CRLF and CR into LF.
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        digest = hashlib.sha256(text.encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(script_hashes: list[str], serving: bool = False) -> str:
    """The policy of a page with these inline scripts. `serving`: for `mkdocs serve` only,
    which adds its live-reload script to each page as it serves it, a script no build can
    hash; inline scripts are allowed then (on this machine, while editing), never in a build."""
    scripts = "'self' 'unsafe-inline'" if serving else " ".join(["'self'", *script_hashes])
    directives = [BASE_DIRECTIVES[0], ("script-src", scripts), *BASE_DIRECTIVES[1:]]
    return "; ".join(f"{name} {value}" for name, value in directives)


def add_csp(
    page: str, name: str, serving: bool = False, warn: Callable[[str], None] | None = None
) -> str:
    """`page` with its policy as the first thing after <meta charset> (or <head>), before any
    script or style it governs. A page with no <head> is left as it is, and `warn` says so,
    naming the page (`name`): a warning stops a strict build."""
    if MARKER in page:
        return page  # already has one
    anchor = _CHARSET.search(page) or _HEAD.search(page)
    if anchor is None:
        if warn is not None:
            warn(
                f"{name}: the page has no <head>, so it cannot carry its "
                "Content-Security-Policy.\nfix: make its template extend main.html"
            )
        return page
    tag = f'<meta {MARKER} content="{policy(inline_script_hashes(page), serving)}">'
    return page[: anchor.end()] + tag + page[anchor.end() :]
