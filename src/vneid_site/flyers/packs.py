"""Print packs: the flyers of a language in PDF volumes, one per A4 page or two A5 per sheet
(those legible at A5), and its posters, one per A4 or A3 page."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from vneid_site.flyers.cache import digest, json_digest
from vneid_site.flyers.outputs import PageOutputBuilder
from vneid_site.flyers.records import FlyerRecord
from vneid_site.flyers.rules import PrintRules

# Flyer packs, then poster packs.
LAYOUTS = ("a4", "a5x2", "poster-a4", "poster-a3")
# Flyers per pack file. An office printer takes a 50-page job well, and a bounded volume keeps
# the build's memory flat however large the site grows.
VOLUME_SIZE = 50
FOLDER = "assets/flyers"  # where the packs go in the site


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
    """One pack file: a volume of a language's flyers in one layout."""

    records: tuple[FlyerRecord, ...]  # this volume's flyers, in navigation order
    lang: str
    layout: str
    site_name: str
    author: str
    site_dir: Path
    first: int  # number of its first flyer, from 1
    volume: int
    volumes: int
    folder: str = FOLDER  # where in the site
    office: dict[str, str] | None = None  # the office whose pack it is
    rules: PrintRules = field(default_factory=PrintRules)


def pack_jobs(
    records: list[FlyerRecord],
    spec: PackSpec,
    *,
    folder: str = FOLDER,
    office: dict[str, str] | None = None,
) -> list[PackJob]:
    """Every pack of a language (each layout, each volume), flyers in the order given."""
    size = spec.volume_size
    chunks = [records[i : i + size] for i in range(0, len(records), size)]
    return [
        PackJob(
            tuple(chunk),
            spec.lang,
            layout,
            spec.site_name,
            spec.author,
            spec.site_dir,
            (number - 1) * size + 1,
            number,
            len(chunks),
            folder,
            office,
            spec.rules,
        )
        for layout in LAYOUTS
        for number, chunk in enumerate(chunks, start=1)
    ]


def _page_file(record: FlyerRecord, layout: str, builder: PageOutputBuilder) -> Path | None:
    """The PDF of a record that a pack of `layout` holds: its flyer, or a poster."""
    if not layout.startswith("poster-"):
        return record.cached_pdf
    poster = record.poster(layout.removeprefix("poster-"))
    return builder.cache.path(poster.key, ".pdf") if poster else None


def build_pack(builder: PageOutputBuilder, job: PackJob) -> tuple[Pack, bool]:
    """Write one pack file (from the cache when it can): (pack, freshly built)."""
    root = builder.settings.root
    files = [(r, _page_file(r, job.layout, builder)) for r in job.records]
    pack = {
        "lang": job.lang,
        "layout": job.layout,
        "site_name": job.site_name,
        "office": job.office,
        "author": job.author,
        "first": job.first,
        "volume": job.volume,
        "volumes": job.volumes,
        "min_a5_size": job.rules.min_pack_body_size,
        "flyers": [
            {
                "title": r.title,
                "file": typst_path(file, root),
                "updated": r.updated,
                "two_up": job.rules.two_up(r.body_size),
            }
            for r, file in files
            if file
        ],
    }
    key = digest(builder.flyer_key, "pack", json_digest(pack))
    who = job.office["id"] if job.office else job.lang
    src = f"print pack ({who}, {job.lang}, {job.layout}, {job.volume}/{job.volumes})"
    size, built = builder.cached(
        key,
        ".pdf",
        # Embedded PDF pages cannot be tagged, so a pack is a plain PDF; each flyer in it is
        # the same file the site offers as a tagged PDF/UA-1 download.
        lambda: builder.renderer.compile("pack.typ", {"pack": pack}, src=src, standards=[]),
    )
    if built:
        builder.renderer.release_memory()
    path = pack_path(job.lang, job.layout, job.volume, job.volumes, job.folder)
    last = job.first + len(job.records) - 1
    builder.cache.place(key, ".pdf", job.site_dir / path)
    return Pack(job.layout, path, size, job.first, last, job.volume, job.volumes), built


def typst_path(path: Path, root: Path) -> str:
    """A path as Typst reads it: absolute from the compile root."""
    return "/" + path.relative_to(root).as_posix()
