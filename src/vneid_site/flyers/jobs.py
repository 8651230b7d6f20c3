"""Jobs of the flyer work: a page's files (PageJob) and a language's packs, the site's or an
office's (PackJob). Each holds everything it needs, so it runs the same in a worker process
(pool.py) or in the MkDocs process. Each process has one cache and one builder, with one Typst
compiler, kept for as long as the template, fonts and cache folder stay the same."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vneid_site.cache import FileCache
from vneid_site.flyers.outputs import PageJob, PageOutputBuilder
from vneid_site.flyers.pack_files import PackResult, make_packs
from vneid_site.flyers.packs import PackJob
from vneid_site.flyers.records import FlyerRecord
from vneid_site.flyers.render import RenderSettings

Job = PageJob | PackJob


@dataclass(frozen=True)
class Setup:
    """What every job of one build shares: template, fonts, cache and organisation."""

    render: RenderSettings
    cache_dir: Path
    flyer_key: str
    org: dict[str, Any]


_cache: FileCache | None = None
_builder: PageOutputBuilder | None = None


def use_cache(cache: FileCache) -> None:
    """Make `cache` this process's (the MkDocs process, at the start of a build), so that its
    builder and the build's lookups share one index."""
    global _cache, _builder
    _cache = cache
    if _builder is not None:
        _builder.cache = cache


def builder_for(setup: Setup) -> PageOutputBuilder:
    """This process's builder for `setup`; a worker's cache keeps what it verifies in a file
    of its own, which the MkDocs process folds into the index."""
    global _cache, _builder
    if _cache is None or _cache.root != setup.cache_dir:
        _cache = FileCache(setup.cache_dir, fragment=str(os.getpid()))
    if _builder is None or _builder.settings != setup.render:
        _builder = PageOutputBuilder(setup.render, _cache, setup.flyer_key)
    _builder.cache, _builder.flyer_key = _cache, setup.flyer_key
    return _builder


def warm_up() -> None:
    """A new worker's first call: the imports its jobs would otherwise make on first use, done
    while MkDocs still renders pages."""
    import PIL.Image  # noqa: F401
    import qrcode.constants  # noqa: F401

    import vneid_site.flyers.pdf_pages
    import vneid_site.flyers.qr_mask  # noqa: F401


def run(*, setup: Setup, job: Job) -> FlyerRecord | PackResult:
    """Do one job with this process's builder; a worker saves what its cache verified for the
    MkDocs process (which saves its own index once, when the build is done)."""
    builder = builder_for(setup)
    result: FlyerRecord | PackResult
    if isinstance(job, PageJob):
        result = builder.build(job, setup.org)
    elif isinstance(job, PackJob):
        result = make_packs(builder, job)
    else:
        raise TypeError(f"not a flyer job: {type(job).__name__}")
    if builder.cache.fragment:
        builder.cache.save_index()
    return result
