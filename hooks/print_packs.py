"""Print packs: every flyer of a language in one PDF, one per A4 page or two A5 per sheet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
) -> list[tuple[Pack, bytes, bool]]:
    """The packs of one language, in the order given: (pack, PDF bytes, freshly built)."""
    if not records:
        return []
    out = []
    for layout in LAYOUTS:
        pack = {
            "lang": lang,
            "layout": layout,
            "site_name": site_name,
            "author": author,
            "flyers": [record.data for record in records],
        }
        key = digest(builder.flyer_key, "pack", json_digest(pack))
        pdf, built = builder.cached(
            key,
            ".pdf",
            lambda pack=pack, src=f"print pack ({lang}, {layout})": builder.renderer.compile(
                "pack.typ", {"pack": pack}, src=src
            ),
        )
        out.append((Pack(layout, pack_path(lang, layout), len(pdf), len(records)), pdf, built))
    return out
