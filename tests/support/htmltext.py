"""Read built pages as a reader sees them: visible text, normalised."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

_BLOCKS = {
    "p", "li", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer",
    "ul", "ol", "table", "tr", "td", "th", "aside", "section", "article", "nav", "dd", "dt",
}  # fmt: skip


def normalise(text: str) -> str:
    """NFC, with every run of whitespace made one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def visible_text(element: Tag) -> str:
    """Text of an element with block boundaries as spaces and inline markup joined."""
    clone = BeautifulSoup(str(element), "html.parser")
    for tag in clone.find_all(["script", "style", "svg", "template"]):
        tag.decompose()
    for tag in clone.find_all(["a"], class_="headerlink"):
        tag.decompose()
    for tag in clone.find_all(True):
        if tag.name in _BLOCKS:
            tag.insert_before(NavigableString(" "))
            tag.insert_after(NavigableString(" "))
    return normalise(clone.get_text(""))


def html_pages(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def outline(html: str) -> list[tuple]:
    """What a reader's browser makes of an HTML fragment, byte-level spelling aside: each
    element with its attributes (style declarations and boolean attributes normalised) and
    each text, in order. A bare <tbody> is left out: browsers add it to any table anyway."""
    from lxml.html import fragment_fromstring

    def attrs(el) -> tuple:
        out = []
        for name, value in sorted(el.attrib.items()):
            value = "" if value in (None, name) else value
            if name == "style":
                value = ";".join(
                    re.sub(r"\s+", "", part) for part in value.split(";") if part.strip()
                )
            out.append((name, value))
        return tuple(out)

    found: list[tuple] = []
    root = fragment_fromstring(html, create_parent="div")
    for el in root.iter():
        if el.tag == "tbody" and not el.attrib and not (el.text or "").strip():
            continue
        if isinstance(el.tag, str):
            found.append((el.tag, attrs(el), (el.text or "").strip()))
        if el is not root:
            found.append(("#tail", (el.tail or "").strip()))
    return found
