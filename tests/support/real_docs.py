"""What the search tests need to know about the real docs: page titles per language."""

from __future__ import annotations

import re

from front_matter import parse_page_meta
from sitebuild import ROOT


def page_titles(lang: str) -> dict[str, str]:
    """Front-matter titles of the pages in `lang` ("vi" or "en"), keyed by docs path."""
    titles = {}
    for path in sorted((ROOT / "docs").rglob("*.md")):
        english = path.name.endswith(".en.md")
        if english != (lang == "en") or re.search(r"\.(?!en\.)[a-z]{2}\.md$", path.name):
            continue
        meta, _ = parse_page_meta(path.read_text(encoding="utf-8"), str(path))
        if meta is not None:
            titles[str(path.relative_to(ROOT / "docs"))] = meta.title
    return titles


VI_TITLES = page_titles("vi")
EN_TITLES = page_titles("en")
