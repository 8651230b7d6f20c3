"""What the site keeps of each page's generated files: for the print packs, the flyers page,
and the next build (the manifest: a warm build places a page's files without reading the page
again, and a `--dirty` build, which renders only changed pages, still knows every flyer)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import astuple, dataclass, replace
from pathlib import Path

from vneid_site.atomic_write import write_text_atomic
from vneid_site.flyers.paths import OutputPaths


@dataclass(frozen=True)
class PosterRecord:
    """One of a page's posters."""

    paper: str  # "a4", "a3"
    key: str  # cache entry of the poster (.pdf)
    pdf_bytes: int
    base_key: str | None = None  # the poster without its contact box, for the offices' packs


@dataclass(frozen=True)
class FlyerRecord:
    """A page's QR code, flyer and posters as written into the site."""

    page_url: str
    title: str
    historical: bool
    paths: OutputPaths
    qr_key: str  # cache entry of the QR code (.svg, .png)
    flyer_key: str | None  # cache entry of the flyer (.pdf, preview); None: no flyer
    pdf_bytes: int
    cached_pdf: Path | None  # the cache entry the site's flyer.pdf was placed from
    inputs: str = ""  # digest of everything the page gave; the same inputs make the same files
    base_key: str | None = None  # the flyer without its contact box, for the offices' packs
    fresh: bool = False  # made in this build, not taken from the cache
    updated: str = ""  # the flyer's date, as it prints it (the packs' index, the flyers page)
    body_size: float = 0.0  # pt: the flyer's body type size (the two-up pack's rule)
    posters: tuple[PosterRecord, ...] = ()
    empty: str = ""  # the warning for a flyer that says next to nothing (rules.py), or ""

    def poster(self, paper: str) -> PosterRecord | None:
        return next((p for p in self.posters if p.paper == paper), None)


def in_order(
    items: Iterable[tuple[str, FlyerRecord | None]], order: tuple[str, ...]
) -> list[FlyerRecord]:
    """The flyers of (docs path, record) pairs in navigation order, pages outside it last."""
    rank = {src: i for i, src in enumerate(order)}
    ranked = sorted(items, key=lambda item: (rank.get(item[0], len(rank)), item[0]))
    return [record for _, record in ranked if record is not None and record.flyer_key]


def save_manifest(path: Path, records: dict[str, FlyerRecord | None]) -> None:
    """Write the records of one language's build, keyed by docs path."""
    data = {
        src: {
            "page_url": r.page_url,
            "title": r.title,
            "historical": r.historical,
            "paths": list(astuple(r.paths)),
            "qr_key": r.qr_key,
            "flyer_key": r.flyer_key,
            "pdf_bytes": r.pdf_bytes,
            "cached_pdf": str(r.cached_pdf) if r.cached_pdf else None,
            "inputs": r.inputs,
            "base_key": r.base_key,
            "updated": r.updated,
            "body_size": r.body_size,
            "posters": [list(astuple(p)) for p in r.posters],
            "empty": r.empty,
        }
        for src, r in sorted(records.items())
        if r is not None
    }
    write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=0))


def load_manifest(path: Path) -> dict[str, FlyerRecord]:
    """The records a previous build saved; empty when there is none or it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {
            src: FlyerRecord(
                page_url=item["page_url"],
                title=item["title"],
                historical=bool(item["historical"]),
                paths=OutputPaths(*item["paths"]),
                qr_key=item["qr_key"],
                flyer_key=item["flyer_key"],
                pdf_bytes=int(item["pdf_bytes"]),
                cached_pdf=Path(item["cached_pdf"]) if item["cached_pdf"] else None,
                inputs=item["inputs"],
                base_key=item.get("base_key"),
                updated=str(item.get("updated", "")),
                body_size=float(item["body_size"]),
                posters=tuple(PosterRecord(*p) for p in item["posters"]),
                empty=str(item["empty"]),
            )
            for src, item in data.items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def as_cached(record: FlyerRecord) -> FlyerRecord:
    """The record as this build uses it when its files come from the cache."""
    return replace(record, fresh=False)
