"""Jobs that run in the flyer worker process (see pool.py): each holds everything it needs,
and the worker keeps one Typst compiler for as long as the template and fonts stay the same."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vneid_site.flyers.cache import FileCache
from vneid_site.flyers.content import FlyerContent
from vneid_site.flyers.outputs import PageOutputBuilder
from vneid_site.flyers.packs import Pack, PackJob, build_packs
from vneid_site.flyers.records import FlyerRecord
from vneid_site.flyers.render import RenderSettings


@dataclass(frozen=True)
class Setup:
    """What every job of one build shares: template, fonts, cache and organisation."""

    render: RenderSettings
    cache_dir: Path
    flyer_key: str
    org: dict[str, Any]


# Only the worker process fills this: its builder, kept across jobs and builds.
_builder: PageOutputBuilder | None = None


def _builder_for(setup: Setup) -> PageOutputBuilder:
    global _builder
    if (
        _builder is None
        or _builder.settings != setup.render
        or _builder.cache.root != setup.cache_dir
    ):
        _builder = PageOutputBuilder(setup.render, FileCache(setup.cache_dir))
    _builder.flyer_key = setup.flyer_key
    return _builder


def build_page(
    *, setup: Setup, content: FlyerContent, page_url: str, src: str, site_dir: Path, flyer: bool
) -> FlyerRecord | None:
    """QR code, flyer and preview of one page (see PageOutputBuilder.build)."""
    return _builder_for(setup).build(
        content=content, page_url=page_url, src=src, site_dir=site_dir, org=setup.org, flyer=flyer
    )


def make_packs(*, setup: Setup, job: PackJob) -> list[tuple[Pack, bool]]:
    """The print packs of one language: (pack, freshly built)."""
    return build_packs(_builder_for(setup), job)
