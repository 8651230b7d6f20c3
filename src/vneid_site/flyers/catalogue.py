"""What a language's flyer build made, for the build log and the flyers page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vneid_site.flyers import previews
from vneid_site.flyers.offices import Office
from vneid_site.flyers.pack_files import PackResult
from vneid_site.flyers.packs import LAYOUTS, Pack
from vneid_site.flyers.records import FlyerRecord


@dataclass(frozen=True)
class FlyerSummary:
    """What a finished build made, for the log and the flyers page."""

    lang: str
    pages: int  # pages given a QR code
    built: int  # flyers made by this build
    cached: int  # flyers taken from the cache
    packs_built: int
    packs_kept: tuple[str, ...]  # pages whose flyer is unknown, so the packs were left alone
    catalogue: dict[str, Any]
    office_flyers_built: int = 0
    office_flyers_cached: int = 0
    office_packs_built: int = 0
    empty: tuple[str, ...] = ()  # warnings: flyers that say next to nothing (rules.py)

    def report(self) -> list[str]:
        """The lines the build log shows."""
        lines = [
            f"QR codes for {self.pages} pages; flyers: {self.built} built, {self.cached} from "
            f"cache; print packs: {self.packs_built} built ({self.lang})"
        ]
        if self.catalogue.get("offices"):
            lines.append(
                f"offices: {len(self.catalogue['offices'])}; office flyers: "
                f"{self.office_flyers_built} built, {self.office_flyers_cached} from cache; "
                f"office packs: {self.office_packs_built} built ({self.lang})"
            )
        if self.packs_kept:
            lines.append(
                f"print packs ({self.lang}) left as they were: no flyer yet for "
                f"{', '.join(self.packs_kept[:5])}. A full build (without --dirty) remakes them"
            )
        return lines


def kb(size: int) -> int:
    """A file's size in whole KB, as the flyers page shows it."""
    return max(1, round(size / 1024))


def catalogue(
    records: list[FlyerRecord],
    packs: list[Pack],
    results: list[PackResult],
    offices: list[Office],
    lang: str,
) -> dict[str, Any]:
    def pack_data(p: Pack) -> dict[str, Any]:
        return {
            "path": p.path,
            "size_kb": kb(p.size),
            "first": p.first,
            "last": p.last,
            "volume": p.volume,
            "volumes": p.volumes,
        }

    by_id = {office.id: office for office in offices}
    return {
        "flyers": [
            {
                "title": r.title,
                "page_url": r.page_url,
                "pdf": r.paths.flyer_pdf,
                "preview": r.paths.flyer_png,
                "preview_2x": r.paths.flyer_png_2x,
                "preview_size": previews.size(1),
                "size_kb": kb(r.pdf_bytes),
                "historical": r.historical,
                "updated": r.updated,
                "body_size": r.body_size,
                "posters": [
                    {"paper": p.paper, "path": r.paths.poster(p.paper), "size_kb": kb(p.pdf_bytes)}
                    for p in r.posters
                ],
            }
            for r in records
        ],
        "packs": {
            layout: [pack_data(p) for p in packs if p.layout == layout] for layout in LAYOUTS
        },
        "offices": [
            {
                "id": result.office_id,
                "contact": by_id[result.office_id].contact(lang),
                "packs": {
                    layout: [pack_data(p) for p, _ in result.packs if p.layout == layout]
                    for layout in LAYOUTS
                },
            }
            for result in results
            if result.office_id is not None
        ],
    }
