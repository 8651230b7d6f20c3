"""The flyer worker process: holds the one Typst compiler of a build and does all Typst work.

Functions here run in the worker, called through `background.Background`; they keep their
state in this module, which only the worker process fills.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

from build_cache import FileCache
from flyer_content import FlyerContent
from flyer_render import RenderSettings
from page_outputs import FlyerRecord, PageOutputBuilder, in_order
from print_packs import Pack, build_packs

_builder: PageOutputBuilder | None = None
_org: dict[str, Any] = {}
# Pages made here in this build, by docs path, for the packs.
_built: list[tuple[str, FlyerRecord | None]] = []


def _exit_with_parent(parent: int) -> None:
    # A MkDocs process killed outright (SIGTERM to `mkdocs serve`) cannot stop its worker:
    # the worker notices it has been orphaned and leaves.
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


def setup(settings: RenderSettings, cache_dir: Path, org: dict[str, Any]) -> None:
    """Start a build: keep the compiler if the template and fonts are unchanged."""
    global _builder, _org
    if not any(t.name == "parent-watch" for t in threading.enumerate()):
        threading.Thread(
            target=_exit_with_parent, args=(os.getppid(),), name="parent-watch", daemon=True
        ).start()
    _built.clear()
    if _builder is None or _builder.settings != settings or _builder.cache.root != cache_dir:
        _builder = PageOutputBuilder(settings, FileCache(cache_dir))
    else:
        _builder.refresh()
    _org = org


def build_page(
    *, tag: str, content: FlyerContent, page_url: str, src: str, site_dir: Path, flyer: bool
) -> FlyerRecord | None:
    """QR code, flyer and preview of one page (see PageOutputBuilder.build)."""
    assert _builder is not None, "setup() first"
    record = _builder.build(
        content=content, page_url=page_url, src=src, site_dir=site_dir, org=_org, flyer=flyer
    )
    _built.append((tag, record))
    return record


def packs(
    *,
    done: list[tuple[str, FlyerRecord | None]],
    order: tuple[str, ...],
    lang: str,
    site_name: str,
    site_dir: Path,
    volume_size: int,
) -> tuple[list[FlyerRecord], list[tuple[Pack, bool]]]:
    """The print packs of one language, from the pages the MkDocs process served (`done`) and
    those made here; runs after them, as jobs run in order. Returns (records, packs)."""
    assert _builder is not None, "setup() first"
    records = in_order([*done, *_built], order)
    _built.clear()
    return records, build_packs(
        _builder,
        records,
        lang=lang,
        site_name=site_name,
        author=_org.get("department", ""),
        site_dir=site_dir,
        volume_size=volume_size,
    )
