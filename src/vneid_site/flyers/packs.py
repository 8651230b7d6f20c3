"""Print packs: the flyers of a language in PDF volumes, one per A4 page or two A5 per sheet
(those legible at A5), and its posters, one per A4 or A3 page; the site's, and each office's
with its box on every page. What each pack holds and the cache keys it is made from are worked
out here, without Typst (pack_files.py makes them), so that a pack whose flyers, contents and
box are unchanged is placed as it is, and only the packs that hold a changed flyer are made."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from vneid_site.cache import digest, json_digest
from vneid_site.flyers.records import FlyerRecord
from vneid_site.flyers.rules import PrintRules
from vneid_site.package_versions import installed

# Flyer packs, then poster packs.
LAYOUTS = ("a4", "a5x2", "poster-a4", "poster-a3")
# Flyers per pack file. An office printer takes a 50-page job well, and a bounded volume keeps
# the build's memory flat however large the site grows.
VOLUME_SIZE = 50
FOLDER = "assets/flyers"  # where the packs go in the site
# An office's boxes, laid over the pages made without one: the flyer's (also under the title
# of the contents page), and the A4 poster's (the A3 poster's is it times √2).
BOXES = ("flyer", "poster")
# Bump when packs are put together differently, so that none from before is placed; pikepdf's
# version counts too (another qpdf may write the same pack in other bytes).
FORMAT = f"4 pikepdf {installed('pikepdf')}"


def office_folder(office_id: str) -> str:
    """Where an office's packs go in the site."""
    return f"{FOLDER}/offices/{office_id}"


@dataclass(frozen=True)
class Pack:
    layout: str
    path: str  # site-relative
    size: int
    first: int  # number of its first flyer, from 1
    last: int
    volume: int  # from 1
    volumes: int


def pack_path(lang: str, layout: str, volume: int, volumes: int, folder: str) -> str:
    part = f"-{volume}" if volumes > 1 else ""
    if layout.startswith("poster-"):
        return f"{folder}/poster-pack-{lang}-{layout.removeprefix('poster-')}{part}.pdf"
    return f"{folder}/print-pack-{lang}-{layout}{part}.pdf"


@dataclass(frozen=True)
class PackSpec:
    """What every pack of a language's build shares, the site's packs and each office's."""

    lang: str
    site_name: str
    author: str
    site_dir: Path
    volume_size: int = VOLUME_SIZE
    rules: PrintRules = field(default_factory=PrintRules)


@dataclass(frozen=True)
class PackJob:
    """Every pack of one language, the site's or one office's."""

    spec: PackSpec
    records: tuple[FlyerRecord, ...]  # the language's flyers, in navigation order
    preview: bool = False  # the QR codes open a local address (the office's box says so)
    office: dict[str, str] | None = None  # id, name, address, phone, hours, in the language
    src: str = ""  # where the office is written ('offices.csv:12'), for messages

    @property
    def folder(self) -> str:
        return office_folder(self.office["id"]) if self.office else FOLDER


@dataclass(frozen=True)
class PackPage:
    """A flyer or poster in a pack: its PDF (a cache entry) and whether it goes two-up."""

    key: str
    two_up: bool = False


@dataclass(frozen=True)
class PlannedPack:
    layout: str
    number: int  # its place in the contents document
    first: int  # number of its first flyer, from 1
    last: int
    volume: int
    volumes: int
    path: str  # site-relative
    pages: tuple[PackPage, ...]
    key: str  # the cache entry of the finished pack


@dataclass(frozen=True)
class PackPlan:
    """Every pack of a job, and the pages Typst makes for them: the contents of the language's
    packs (the same for every office), and the office's boxes."""

    contents: dict  # pack.typ's data
    contents_key: str
    boxes: dict | None  # pack.typ's data for the office's boxes; None for the site's packs
    boxes_key: str | None
    packs: tuple[PlannedPack, ...]

    def entries(self) -> list[tuple[str, str]]:
        """The cache entries the finished packs need: (key, suffix)."""
        sheets = [self.contents_key] + ([self.boxes_key] if self.boxes_key else [])
        return [(key, suffix) for key in sheets for suffix in (".pdf", ".json")] + [
            (pack.key, ".pdf") for pack in self.packs
        ]


def _page(record: FlyerRecord, layout: str, office: bool, rules: PrintRules) -> PackPage | None:
    """What a pack of `layout` holds of a record: its flyer or a poster, without its contact
    box for an office's pack."""
    if layout.startswith("poster-"):
        poster = record.poster(layout.removeprefix("poster-"))
        key = (poster.base_key if office else poster.key) if poster else None
        return PackPage(key) if key else None
    key = record.base_key if office else record.flyer_key
    return PackPage(key, rules.two_up(record.body_size)) if key else None


def plan_packs(job: PackJob, flyer_key: str) -> PackPlan:
    """What a job's packs hold and the cache keys they are made from."""
    spec = job.spec
    listed = _listed(job.records, spec, job.office is not None, flyer_key)
    contents, contents_key, held = listed
    boxes = boxes_key = None
    if job.office is not None:
        boxes = {"lang": spec.lang, "office": job.office, "preview": job.preview, "boxes": BOXES}
        boxes_key = digest(flyer_key, "pack-boxes", json_digest(boxes))
    packs = []
    for number, (layout, volume, volumes, first, last, listing, pages) in enumerate(held):
        # A pack is what its own contents, its office's box and its pages' PDFs make it: a
        # change to another pack's list (a title, a date) leaves it as it is.
        parts = [listing, boxes_key or "", *(f"{p.key}:{p.two_up:d}" for p in pages)]
        packs.append(
            PlannedPack(
                layout=layout,
                number=number,
                first=first,
                last=last,
                volume=volume,
                volumes=volumes,
                path=pack_path(spec.lang, layout, volume, volumes, job.folder),
                pages=pages,
                key=digest(flyer_key, "pack", FORMAT, *parts),
            )
        )
    return PackPlan(contents, contents_key, boxes, boxes_key, tuple(packs))


@lru_cache(maxsize=8)
def _listed(
    records: tuple[FlyerRecord, ...], spec: PackSpec, office: bool, flyer_key: str
) -> tuple[dict, str, tuple[tuple, ...]]:
    """What every pack of a language lists and holds, and the contents document's data and
    key: the same for every office's packs, so worked out once for them all."""
    size = spec.volume_size
    chunks = [records[i : i + size] for i in range(0, len(records), size)]
    held = []
    for layout in LAYOUTS:
        for volume, chunk in enumerate(chunks, start=1):
            pages = [(r, p) for r in chunk if (p := _page(r, layout, office, spec.rules))]
            held.append((layout, volume, chunk, pages))
    listings = [
        {
            "layout": layout,
            "first": (volume - 1) * size + 1,
            "volume": volume,
            "volumes": len(chunks),
            "flyers": [
                {"title": r.title, "updated": r.updated, "two_up": p.two_up} for r, p in pages
            ],
        }
        for layout, volume, _, pages in held
    ]
    contents = {
        "lang": spec.lang,
        "site_name": spec.site_name,
        "author": spec.author,
        "min_a5_size": spec.rules.min_pack_body_size,
        "office_space": office,
        "packs": listings,
    }
    shared = {k: v for k, v in contents.items() if k != "packs"}
    packs = tuple(
        (
            layout,
            volume,
            len(chunks),
            (volume - 1) * size + 1,
            (volume - 1) * size + len(chunk),
            json_digest({**shared, "pack": listing}),
            tuple(p for _, p in pages),
        )
        for (layout, volume, chunk, pages), listing in zip(held, listings, strict=True)
    )
    return contents, digest(flyer_key, "pack-contents", json_digest(contents)), packs
