"""A page's rendered HTML as a flyer prints it: runs of inline text with their meaning kept
(emphasis, code, links), Unicode composed and whitespace collapsed."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "br", "table", "tr", "td", "th", "blockquote"}


@dataclass(frozen=True)
class Run:
    """A piece of inline text with its meaning kept: emphasis, code, link, and how a link
    prints on paper (step_links.py)."""

    text: str
    strong: bool = False
    emph: bool = False
    code: bool = False
    href: str | None = None
    flyer: str | None = None  # prints as the flyer of the page it opens, with this title
    address: bool = False  # prints its address after its text
    cite: bool = False  # a source named in brackets: prints as written


Step = tuple[Run, ...]


def run_data(run: Run) -> dict[str, Any]:
    out: dict[str, Any] = {"text": run.text}
    for flag in ("strong", "emph", "code", "address", "cite"):
        if getattr(run, flag):
            out[flag] = True
    if run.href:
        out["href"] = run.href
    if run.flyer:
        out["flyer"] = run.flyer
    return out


def nfc(text: str) -> str:
    """NFC with runs of whitespace collapsed: decomposed input prints and extracts the same."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text))


def text_of(element: HtmlElement) -> str:
    """Text of an element, leaving out the permalink anchors MkDocs adds to headings."""
    parts = [element.text or ""]
    for child in element:
        if not _is_headerlink(child) and isinstance(child.tag, str):
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def heading_text(element: HtmlElement) -> str:
    return nfc(text_of(element)).strip()


def _is_headerlink(element: HtmlElement) -> bool:
    return element.tag == "a" and "headerlink" in (element.get("class") or "").split()


def runs_of(element: HtmlElement, page_url: str) -> tuple[Run, ...]:
    runs: list[Run] = []

    def add(text: str | None, style: tuple[bool, bool, bool, str | None]) -> None:
        if text and (clean := nfc(text)):
            runs.append(Run(clean, *style))

    def walk(node: HtmlElement, style: tuple[bool, bool, bool, str | None]) -> None:
        add(node.text, style)
        for child in node:
            name = child.tag if isinstance(child.tag, str) else ""
            if name and not _is_headerlink(child) and name not in ("script", "style", "svg"):
                if name == "img":
                    add(child.get("alt", ""), style)
                else:
                    if name in _BLOCK_TAGS and runs:
                        runs.append(Run(" ", *style))
                    strong, emph, code, href = style
                    if name == "a" and child.get("href"):
                        target = urljoin(page_url, child.get("href"))
                        href = target if urlsplit(target).scheme in _SAFE_SCHEMES else href
                    walk(
                        child,
                        (
                            strong or name in ("strong", "b"),
                            emph or name in ("em", "i"),
                            code or name in ("code", "kbd", "samp"),
                            href,
                        ),
                    )
            add(child.tail, style)

    walk(element, (False, False, False, None))
    return _merge(runs)


def _merge(runs: list[Run]) -> tuple[Run, ...]:
    """Join neighbouring runs of the same style, collapse spaces, trim the ends."""
    merged: list[Run] = []
    for run in runs:
        if merged and _style(merged[-1]) == _style(run):
            merged[-1] = Run(re.sub(r" {2,}", " ", merged[-1].text + run.text), *_style(run))
        else:
            merged.append(run)
    if merged:
        merged[0] = Run(merged[0].text.lstrip(), *_style(merged[0]))
        merged[-1] = Run(merged[-1].text.rstrip(), *_style(merged[-1]))
    return tuple(r for r in merged if r.text)


def _style(run: Run) -> tuple[bool, bool, bool, str | None]:
    return run.strong, run.emph, run.code, run.href
