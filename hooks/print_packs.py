"""Print packs: every flyer of a language in one PDF, one per A4 page or two A5 per sheet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from build_cache import digest, json_digest
from page_outputs import FlyerRecord, PageOutputBuilder

LAYOUTS = ("a4", "a5x2")


@dataclass(frozen=True)
class Pack:
    layout: str
    path: str  # site-relative
    size: int
    flyers: int


def pack_path(lang: str, layout: str) -> str:
    return f"assets/flyers/print-pack-{lang}-{layout}.pdf"


def build_packs(
    builder: PageOutputBuilder,
    records: Sequence[FlyerRecord],
    *,
    lang: str,
    site_name: str,
    author: str,
    site_dir: Path,
) -> list[tuple[Pack, bool]]:
    """Write the packs of one language, flyers in the order given: (pack, freshly built)."""
    if not records:
        return []
    root = builder.settings.root
    out = []
    for layout in LAYOUTS:
        pack = {
            "lang": lang,
            "layout": layout,
            "site_name": site_name,
            "author": author,
            "flyers": [
                {"title": r.title, "file": _typst_path(r.cached_pdf, root)} for r in records
            ],
        }
        key = digest(builder.flyer_key, "pack", json_digest(pack))
        pdf, built = builder.cached(
            key,
            ".pdf",
            # Embedded PDF pages cannot be tagged, so a pack is a plain PDF; each flyer in it
            # is the same file the site offers as a tagged PDF/UA-1 download.
            lambda pack=pack, src=f"print pack ({lang}, {layout})": builder.renderer.compile(
                "pack.typ", {"pack": pack}, src=src, standards=[]
            ),
        )
        pack_file = Pack(layout, pack_path(lang, layout), len(pdf), len(records))
        builder.cache.place(key, ".pdf", site_dir / pack_file.path, pdf)
        out.append((pack_file, built))
    return out


def _typst_path(path: Path, root: Path) -> str:
    """A path as Typst reads it: absolute from the compile root."""
    return "/" + path.relative_to(root).as_posix()
