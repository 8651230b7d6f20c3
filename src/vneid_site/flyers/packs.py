"""Print packs: the flyers of a language in PDF volumes, one per A4 page or two A5 per sheet."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vneid_site.flyers.cache import digest, json_digest
from vneid_site.flyers.outputs import PageOutputBuilder
from vneid_site.flyers.records import FlyerRecord

LAYOUTS = ("a4", "a5x2")
# Flyers per pack file. An office printer takes a 50-page job well, and a bounded volume keeps
# the build's memory flat however large the site grows.
VOLUME_SIZE = 50


@dataclass(frozen=True)
class Pack:
    layout: str
    path: str  # site-relative
    size: int
    first: int  # number of its first flyer, from 1
    last: int
    volume: int  # from 1
    volumes: int


def pack_path(lang: str, layout: str, volume: int, volumes: int) -> str:
    part = f"-{volume}" if volumes > 1 else ""
    return f"assets/flyers/print-pack-{lang}-{layout}{part}.pdf"


@dataclass(frozen=True)
class PackJob:
    """The packs of one language: its flyers in navigation order, and what the packs say."""

    records: tuple[FlyerRecord, ...]
    lang: str
    site_name: str
    author: str
    site_dir: Path
    volume_size: int = VOLUME_SIZE


def build_packs(builder: PageOutputBuilder, job: PackJob) -> list[tuple[Pack, bool]]:
    """Write the packs of one language, flyers in the order given: (pack, freshly built)."""
    root = builder.settings.root
    records, size, lang = job.records, job.volume_size, job.lang
    chunks = [records[i : i + size] for i in range(0, len(records), size)]
    out = []
    for layout in LAYOUTS:
        for number, chunk in enumerate(chunks, start=1):
            first = (number - 1) * size + 1
            pack = {
                "lang": lang,
                "layout": layout,
                "site_name": job.site_name,
                "author": job.author,
                "first": first,
                "volume": number,
                "volumes": len(chunks),
                "flyers": [
                    {
                        "title": r.title,
                        "file": _typst_path(r.cached_pdf, root),
                        "updated": r.updated,
                    }
                    for r in chunk
                ],
            }
            key = digest(builder.flyer_key, "pack", json_digest(pack))
            src = f"print pack ({lang}, {layout}, {number}/{len(chunks)})"
            pdf, built = builder.cached(
                key,
                ".pdf",
                # Embedded PDF pages cannot be tagged, so a pack is a plain PDF; each flyer in
                # it is the same file the site offers as a tagged PDF/UA-1 download.
                lambda pack=pack, src=src: builder.renderer.compile(
                    "pack.typ", {"pack": pack}, src=src, standards=[]
                ),
            )
            if built:
                builder.renderer.release_memory()
            path = pack_path(lang, layout, number, len(chunks))
            built_pack = Pack(
                layout, path, len(pdf), first, first + len(chunk) - 1, number, len(chunks)
            )
            builder.cache.place(key, ".pdf", job.site_dir / path, pdf)
            out.append((built_pack, built))
    return out


def _typst_path(path: Path, root: Path) -> str:
    """A path as Typst reads it: absolute from the compile root."""
    return "/" + path.relative_to(root).as_posix()
