"""What the print packs and the flyers page need to know of each flyer, and the manifest that
keeps it between builds (a `--dirty` build renders only the pages that changed)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import astuple, dataclass
from pathlib import Path

from vneid_site.atomic_write import write_text_atomic
from vneid_site.flyers.paths import OutputPaths


@dataclass(frozen=True)
class FlyerRecord:
    """A flyer as written into the site."""

    page_url: str
    title: str
    historical: bool
    paths: OutputPaths
    pdf_bytes: int
    cached_pdf: Path  # the verified cache entry the site's flyer.pdf was placed from
    fresh: bool  # made in this build, not taken from the cache


def in_order(
    items: Iterable[tuple[str, FlyerRecord | None]], order: tuple[str, ...]
) -> list[FlyerRecord]:
    """The records of (docs path, record) pairs in navigation order, pages outside it last."""
    rank = {src: i for i, src in enumerate(order)}
    ranked = sorted(items, key=lambda item: (rank.get(item[0], len(rank)), item[0]))
    return [record for _, record in ranked if record is not None]


def save_manifest(path: Path, records: dict[str, FlyerRecord | None]) -> None:
    """Write the flyers of one language's build, keyed by docs path (None: no flyer)."""
    data = {
        src: None
        if r is None
        else {
            "page_url": r.page_url,
            "title": r.title,
            "historical": r.historical,
            "paths": list(astuple(r.paths)),
            "pdf_bytes": r.pdf_bytes,
            "cached_pdf": str(r.cached_pdf),
        }
        for src, r in sorted(records.items())
    }
    write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=0))


def load_manifest(path: Path) -> dict[str, FlyerRecord | None]:
    """The records a previous build saved; empty when there is none or it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {
            src: None
            if item is None
            else FlyerRecord(
                page_url=item["page_url"],
                title=item["title"],
                historical=bool(item["historical"]),
                paths=OutputPaths(*item["paths"]),
                pdf_bytes=int(item["pdf_bytes"]),
                cached_pdf=Path(item["cached_pdf"]),
                fresh=False,
            )
            for src, item in data.items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
