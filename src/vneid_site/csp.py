"""The Content-Security-Policy of every page, as a <meta http-equiv> tag, so that it holds on
any static host, including one whose HTTP headers the web team cannot set.

Scripts: the site's own files ('self') and the inline scripts the theme and the project's
templates write into the page, each allowed by the SHA-256 of its exact text. Only a script
that one of those templates writes is hashed: the allowlist is read from the templates
themselves (ScriptAllowlist), so a script that a page brought, by whatever route, is never
approved; the build names it instead. Styles: 'self' and 'unsafe-inline', because the theme
and the tables extension use style attributes (the sanitiser lets content set only
text-align). Everything else: this site only, or nothing.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

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


# A template's {{ expression }} inside a script: the base URL or the scope ("../..", "/sub/",
# "https://host/sub/"), never a quote, backslash or "<" that could end the string it stands in.
_PLACEHOLDER = r"[A-Za-z0-9._~:/%+-]*"
_JINJA_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)


class ScriptAllowlist:
    """The inline scripts that the site's templates write: each template script a pattern,
    its Jinja expressions standing for URL-like text. Nothing else is hashed."""

    def __init__(self, templates: Iterable[str]) -> None:
        patterns = []
        for text in dict.fromkeys(templates):
            if "{%" in text:
                continue  # a script built by template logic cannot be known in advance
            parts = _JINJA_EXPRESSION.split(text)
            patterns.append(
                "".join(
                    [re.escape(parts[0]), *(_PLACEHOLDER + re.escape(part) for part in parts[1:])]
                )
            )
        self._pattern = re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.DOTALL)
        self.size = len(patterns)
        # Every page repeats the same few template scripts: each is matched and hashed once.
        self._sources: dict[str, str | None] = {}

    @classmethod
    def from_templates(cls, dirs: Iterable[Path]) -> ScriptAllowlist:
        """The inline scripts of every template (*.html) under `dirs`: the theme's folders
        and the project's overrides, as MkDocs searches them."""
        return cls(script for folder in dirs for script in _folder_scripts(Path(folder)))

    def allows(self, script: str) -> bool:
        return self._pattern.fullmatch(_newlines(script)) is not None

    def source(self, script: str) -> str | None:
        """The script's 'sha256-...' source when a template writes it; None when none does."""
        if script not in self._sources:
            self._sources[script] = _sha256(script) if self.allows(script) else None
        return self._sources[script]


def _folder_scripts(folder: Path) -> list[str]:
    """The inline scripts of the templates under one folder, in path order. Hidden folders
    are not read: Material's .icons holds 14,000 SVG files and no template, and leaving a
    folder out can only take scripts off the allowlist, never put one on it."""
    paths = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        paths += [Path(root, name) for name in names if name.endswith(".html")]
    paths.sort()
    scripts = []
    for path in paths:
        scripts += _inline_scripts(_JINJA_COMMENT.sub("", path.read_text(encoding="utf-8")))
    return scripts


_read: dict[Path, list[str]] = {}  # folder -> its scripts, since the build's first language


def template_allowlist(dirs: Iterable[Path], fresh: bool) -> ScriptAllowlist:
    """ScriptAllowlist.from_templates(dirs); every folder read again when `fresh` (a build's
    first language: the templates may have changed since the last build of `mkdocs serve`),
    else only the folders that the build has not read yet (static-i18n gives the other
    languages a folder of its own in front of the same ones)."""
    if fresh:
        _read.clear()
    scripts = []
    for folder in map(Path, dirs):
        if folder not in _read:
            _read[folder] = _folder_scripts(folder)
        scripts += _read[folder]
    return ScriptAllowlist(scripts)


def theme_template_dirs(*project_dirs: Path | None) -> list[Path]:
    """The project's template folders, then Material's, as MkDocs searches them; for the
    command-line tools, which run without MkDocs."""
    spec = importlib.util.find_spec("material")
    theme = [Path(p) / "templates" for p in (spec.submodule_search_locations or [])] if spec else []
    return [d for d in (*project_dirs, *theme) if d is not None and d.is_dir()]


def _newlines(text: str) -> str:
    # Browsers hash the script as parsed, and parsing turns CRLF and CR into LF.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _sha256(text: str) -> str:
    digest = hashlib.sha256(_newlines(text).encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_script_hashes(page: str, allowlist: ScriptAllowlist) -> tuple[list[str], list[str]]:
    """('sha256-...' sources of the page's inline scripts that the templates write, in order,
    without repeats; the start of each other inline script, which is not hashed)."""
    hashes, foreign = [], []
    for text in _inline_scripts(page):
        if (source := allowlist.source(text)) is not None:
            hashes.append(source)
        else:
            foreign.append(" ".join(text.split())[:60])
    return list(dict.fromkeys(hashes)), foreign


def policy(script_hashes: list[str], serving: bool = False) -> str:
    """The policy of a page with these inline scripts. `serving`: for `mkdocs serve` only,
    which adds its live-reload script to each page as it serves it, a script no build can
    hash; inline scripts are allowed then (on this machine, while editing), never in a build."""
    scripts = "'self' 'unsafe-inline'" if serving else " ".join(["'self'", *script_hashes])
    directives = [BASE_DIRECTIVES[0], ("script-src", scripts), *BASE_DIRECTIVES[1:]]
    return "; ".join(f"{name} {value}" for name, value in directives)


def add_csp(
    page: str,
    name: str,
    allowlist: ScriptAllowlist,
    serving: bool = False,
    warn: Callable[[str], None] | None = None,
) -> str:
    """`page` with its policy as the first thing after <meta charset> (or <head>), before any
    script or style it governs. `warn` names (a warning stops a strict build) a page with no
    <head>, which is left as it is, and each inline script that no template writes, which
    the policy does not allow."""
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
    hashes, foreign = inline_script_hashes(page, allowlist)
    if foreign and warn is not None and not serving:
        warn(
            f"{name}: {len(foreign)} inline script(s) that no template of the site writes, "
            f"so browsers will not run them: {'; '.join(foreign[:3])}\n"
            "fix: a page cannot bring scripts; if a theme update brought it, rebuild from the "
            "updated templates (their scripts are allowed as the templates write them)"
        )
    tag = f'<meta {MARKER} content="{policy(hashes, serving)}">'
    return page[: anchor.end()] + tag + page[anchor.end() :]
