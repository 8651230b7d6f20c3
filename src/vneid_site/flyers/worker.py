"""Jobs of the flyer work. Each holds everything it needs, so it runs the same in a worker
process (see pool.py) or in the MkDocs process; each process keeps one Typst compiler for as
long as the template and fonts stay the same."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from vneid_site.flyers.cache import FileCache, digest, json_digest
from vneid_site.flyers.outputs import PageJob, PageOutputBuilder
from vneid_site.flyers.packs import Pack, PackSpec, build_pack, pack_jobs, typst_path
from vneid_site.flyers.records import FlyerRecord
from vneid_site.flyers.render import RenderSettings


@dataclass(frozen=True)
class Setup:
    """What every job of one build shares: template, fonts, cache and organisation."""

    render: RenderSettings
    cache_dir: Path
    flyer_key: str
    org: dict[str, Any]


@dataclass(frozen=True)
class OfficeJob:
    """An office's flyers (each page's flyer with the office's contact box) and its packs."""

    office: dict[str, str]  # id, name, address, phone, hours, in the pack's language
    src: str  # where the office is written ('offices.csv:12'), for messages
    records: tuple[FlyerRecord, ...]  # the language's flyers, in navigation order
    preview: bool
    packs: PackSpec  # the language's, as the site's packs have it
    folder: str  # where its packs go in the site


@dataclass(frozen=True)
class OfficeResult:
    office_id: str
    packs: list[tuple[Pack, bool]]
    built: int  # office flyers made by this job
    cached: int


# One builder per process, kept across jobs and builds.
_builder: PageOutputBuilder | None = None


def builder_for(setup: Setup) -> PageOutputBuilder:
    global _builder
    if (
        _builder is None
        or _builder.settings != setup.render
        or _builder.cache.root != setup.cache_dir
    ):
        cache = FileCache(setup.cache_dir, fragment=str(os.getpid()))
        _builder = PageOutputBuilder(setup.render, cache)
    _builder.flyer_key = setup.flyer_key
    return _builder


J = TypeVar("J")
R = TypeVar("R")


def run(*, setup: Setup, make: Callable[[PageOutputBuilder, J], R], job: J) -> R:
    """`make(builder, job)` with this process's builder (`make` a module-level function, so
    that it reaches a worker); the cache index is saved for the other processes."""
    builder = builder_for(setup)
    result = make(builder, job)
    builder.cache.save_index()
    return result


def build_page(*, setup: Setup, job: PageJob) -> FlyerRecord:
    """QR code, flyer and preview of one page (see PageOutputBuilder.build)."""
    return run(setup=setup, make=lambda builder, job: builder.build(job, setup.org), job=job)


def _office_page(
    builder: PageOutputBuilder, job: OfficeJob, base_key: str, title: str, kind: str, where: str
) -> tuple[str, bool]:
    """(cache key, built) of one page of an office's pack: the page made without its contact
    box (`base_key`), with the office's box laid over the empty place."""
    data = {
        "file": typst_path(builder.cache.path(base_key, ".pdf"), builder.settings.root),
        "lang": job.packs.lang,
        "title": title,
        "preview": job.preview,
        "office": job.office,
        "kind": kind,
    }
    key = digest(builder.flyer_key, "office", base_key, json_digest(data))
    src = f"{job.src} ({job.office['id']}, {where})"
    _, fresh = builder.cached(
        key,
        ".pdf",
        lambda: builder.renderer.compile("office.typ", {"office": data}, src=src, standards=[]),
    )
    return key, fresh


def office_packs(builder: PageOutputBuilder, job: OfficeJob) -> OfficeResult:
    """An office's flyers, posters and packs with `builder` (a lookup-only one raises
    CacheMiss)."""
    flyers = []
    built = total = 0
    for record in job.records:
        if not record.base_key:
            continue
        where = record.page_url or "/"
        key, fresh = _office_page(builder, job, record.base_key, record.title, "flyer", where)
        posters = []
        for poster in record.posters:
            if poster.base_key:
                kind = f"poster-{poster.paper}"
                p_key, p_fresh = _office_page(
                    builder, job, poster.base_key, record.title, kind, f"{where}, {kind}"
                )
                posters.append(replace(poster, key=p_key, base_key=None))
                fresh = fresh or p_fresh
        built += fresh
        total += 1
        flyers.append(
            replace(
                record,
                cached_pdf=builder.cache.path(key, ".pdf"),
                posters=tuple(posters),
                fresh=fresh,
            )
        )
    jobs = pack_jobs(flyers, job.packs, folder=job.folder, office=job.office)
    packs = [build_pack(builder, pack) for pack in jobs]
    return OfficeResult(job.office["id"], packs, built, total - built)
