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


# A script's text runs to the first "</script" that ends the tag, whatever it holds, as in a
# browser's tokenizer; comments are blanked first, so a "<script" inside one is not read.
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SCRIPT = re.compile(
    r"<script\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(.*?)</script(?=[\s/>])", re.DOTALL | re.IGNORECASE
)
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def _inline_scripts(page: str) -> list[str]:
    """The exact text of each inline script a browser would run (one pass over the page: a
    full HTML parser took ten times longer than rendering the page)."""
    blanked = _COMMENT.sub(lambda m: " " * len(m.group()), page)
    scripts = []
    for match in _SCRIPT.finditer(blanked):
        attrs = {
            m[1].lower(): m[2] if m[2] is not None else m[3] if m[3] is not None else m[4] or ""
            for m in _ATTRIBUTE.finditer(match[1])
        }
        if "src" not in attrs and attrs.get("type", "").strip().lower() in _JS_TYPES:
            scripts.append(page[match.start(2) : match.end(2)])
    return scripts


def inline_script_hashes(page: str) -> list[str]:
    """'sha256-...' sources of the page's inline scripts, in order, without repeats."""
    hashes = []
    for text in _inline_scripts(page):
        # Browsers hash the script as parsed, and parsing turns CRLF and CR into LF.
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        digest = hashlib.sha256(text.encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return list(dict.fromkeys(hashes))


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
