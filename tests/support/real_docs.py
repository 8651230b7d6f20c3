"""What tests need to know about the real docs/: its pages per language and their titles."""

from __future__ import annotations

import yaml

from tests.support.sitebuild import ROOT
from vneid_site.content.front_matter import parse_page_meta
from vneid_site.i18n.languages import Languages

DOCS = ROOT / "docs"
LANGUAGES = Languages()
SEED = ROOT / "tests" / "fixtures" / "dispatch-seed.txt"


def sources(lang: str) -> list[str]:
    """Docs paths of the pages written in `lang`."""
    paths = (p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
    return sorted(src for src in paths if LANGUAGES.of_source(src)[0] == lang)


def vi_sources() -> list[str]:
    return sources(LANGUAGES.default)


def page_dir(src: str, lang: str = "vi") -> str:
    """Output folder of a page in the built site: 'a/b.md' -> 'a/b/', in English 'en/a/b/'."""
    return LANGUAGES.page_url(LANGUAGES.of_source(src)[1], lang)


def page_titles(lang: str) -> dict[str, str]:
    """Front-matter titles of the pages in `lang`, keyed by docs path."""
    titles = {}
    for src in sources(lang):
        meta, _ = parse_page_meta((DOCS / src).read_text(encoding="utf-8"), src)
        if meta is not None:
            titles[src] = meta.title
    return titles


def flyer_pages(lang: str) -> list[str]:
    """Docs paths of the pages of `lang` that print a flyer (flyer.enabled, the default)."""
    found = []
    for src in sources(lang):
        meta, _ = parse_page_meta((DOCS / src).read_text(encoding="utf-8"), src)
        if meta is not None and meta.flyer.enabled:
            found.append(src)
    return found


VI_TITLES = page_titles("vi")
EN_TITLES = page_titles("en")


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml's values, its tags (!ENV) left unread."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


def letterhead(lang: str) -> str:
    """What opens every flyer and poster of `lang`: the organisation's department and name."""
    org = CONFIG["extra"]["organisation"]
    return " ".join(" ".join(org[key][lang].split()) for key in ("department", "name"))
