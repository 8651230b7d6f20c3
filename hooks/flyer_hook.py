"""MkDocs hook: QR codes, printable flyers, previews and print packs, in each language."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import flyer_worker
from background import Background, WorkerError
from build_cache import FileCache
from flyer_content import FlyerContentError, extract, is_preview_url
from flyer_render import FlyerError, RenderSettings
from fonts import FLYER_FAMILIES, FontError, flyer_font_dirs
from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from page_outputs import CacheMiss, FlyerRecord, PageOutputBuilder, in_order, output_paths
from page_registry import PAGE_META
from print_packs import LAYOUTS, VOLUME_SIZE, Pack, build_packs
from site_i18n import current_language, default_language

log = logging.getLogger("mkdocs.plugins.vneid.flyers")


class FlyersConfig(base.Config):
    """`extra.flyers` in mkdocs.yml."""

    enabled = opt.Type(bool, default=True)
    # Folder with main.typ, pack.typ and what they import, relative to mkdocs.yml.
    template_dir = opt.Type(str, default="overrides/flyer")
    # Generated files kept between builds, relative to mkdocs.yml.
    cache_dir = opt.Type(str, default=".cache/flyers")
    # Flyers per print-pack file; a larger site gets several volumes.
    pack_volume = opt.Type(int, default=VOLUME_SIZE)


@dataclass
class _State:
    enabled: bool = False
    render: RenderSettings | None = None
    cache_dir: Path | None = None
    lookup: PageOutputBuilder | None = None  # serves cached files without starting Typst
    worker_ready: bool = False
    org: dict[str, Any] | None = None
    nav_order: tuple[str, ...] = ()
    queued: int = 0
    done: list[tuple[str, FlyerRecord | None]] = field(default_factory=list)
    # (records, packs) once known; () while the worker makes them.
    packs: tuple[Any, ...] | None = None
    pack_volume: int = VOLUME_SIZE
    finished: bool = True
    catalogue: dict[str, Any] | None = None


_state = _State()
# Lives as long as the MkDocs process, so `mkdocs serve` keeps one worker and one compiler.
_background = Background(Path(__file__).parent)


def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:
    settings = _load_settings(config)
    _background.cancel()  # anything left by a build that failed
    _state.queued, _state.finished, _state.catalogue = 0, False, None
    _state.done, _state.packs = [], None
    _state.enabled = settings is not None
    if settings is None:
        return config
    render, cache_dir = settings
    org = config.extra["org"]
    _state.org = {
        "name": org.name,
        "department": org.department,
        "hotline": org.hotline,
        "contact": org.contact,
        "contact_note": org.contact_note,
        "logo_svg": _logo_svg(config, org.logo),
    }
    if current_language(config) == default_language(config) and is_preview_url(
        config.site_url or ""
    ):
        log.info(
            f"site_url {config.site_url} is a local address: flyers are stamped as previews. "
            "For flyers to print, build with SITE_URL=https://your.host/path/"
        )
    _state.render, _state.cache_dir, _state.worker_ready = render, cache_dir, False
    if current_language(config) == default_language(config) or _state.lookup is None:
        _state.lookup = PageOutputBuilder(render, FileCache(cache_dir), can_make=False)
    return config


def _to_worker(tag: Any, fn: Any, /, **kwargs: Any) -> None:
    """Queue work for the worker process, setting it up for this build first."""
    if not _state.worker_ready:
        _background.submit(
            None,
            flyer_worker.setup,
            settings=_state.render,
            cache_dir=_state.cache_dir,
            org=_state.org,
        )
        _state.worker_ready = True
    _background.submit(tag, fn, **kwargs)


def _load_settings(config: MkDocsConfig) -> tuple[RenderSettings, Path] | None:
    flyers = FlyersConfig()
    flyers.load_dict(dict(config.extra.get("flyers") or {}))
    errors, warnings = flyers.validate()
    problems = [f"extra.flyers.{key}: {err}" for key, err in [*errors, *warnings]]
    if problems:
        raise PluginError("mkdocs.yml:\n" + "\n".join(problems))
    if not flyers.enabled:
        return None
    if flyers.pack_volume < 1:
        raise PluginError("mkdocs.yml: extra.flyers.pack_volume must be 1 or more")
    _state.pack_volume = flyers.pack_volume
    root = Path(config.config_file_path).parent
    template_dir = (root / flyers.template_dir).resolve()
    cache_dir = (root / flyers.cache_dir).resolve()
    # Typst reads only under its root: the packs read flyers from the cache.
    typst_root = Path(os.path.commonpath([template_dir, cache_dir]))
    try:
        font_dirs = tuple(flyer_font_dirs())
    except FontError as err:
        raise PluginError(str(err)) from None
    return RenderSettings(template_dir, font_dirs, FLYER_FAMILIES, typst_root), cache_dir


def _logo_svg(config: MkDocsConfig, logo: str) -> str:
    path = Path(config.docs_dir) / logo
    if path.suffix.lower() != ".svg" or not path.is_file():
        log.warning(
            f"extra.organisation.logo: '{logo}' is not an SVG file under docs/; flyers are "
            "printed without a logo.\n  fix: point logo at an .svg file in docs/"
        )
        return ""
    return path.read_text(encoding="utf-8")


def on_nav(nav: Navigation, **_: Any) -> Navigation:
    # Print packs follow the navigation, the order officials know from the site.
    _state.nav_order = tuple(page.file.src_uri for page in nav.pages)
    return nav


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, **_: Any) -> str:
    meta = PAGE_META.get(page.file.src_uri)
    if not _state.enabled or meta is None or _state.finished:
        return html
    src = f"docs/{page.file.src_uri}"
    try:
        content = extract(
            html=html,
            meta=meta,
            lang=getattr(page.file, "locale", current_language(config)),
            page_url=page.canonical_url or "",
            src=src,
        )
    except FlyerContentError as err:
        raise PluginError(str(err)) from None
    job = {
        "content": content,
        "page_url": page.url,
        "src": src,
        "site_dir": Path(config.site_dir),
        "flyer": meta.flyer.enabled,
    }
    try:
        # Most pages of a rebuild are in the cache: serve them here, make the rest in the worker.
        _state.done.append((page.file.src_uri, _state.lookup.build(org=_state.org, **job)))
    except CacheMiss:
        try:
            _to_worker(page.file.src_uri, flyer_worker.build_page, tag=page.file.src_uri, **job)
        except WorkerError as err:
            raise PluginError(str(err)) from None
    _state.queued += 1
    return html


# on_env comes once every page's content is rendered, before any page template: all flyer
# work is queued by then, so the packs are queued too and made while MkDocs renders pages.
def on_env(env: Any, *, config: MkDocsConfig, **_: Any) -> Any:
    if not _state.enabled or _state.finished or _state.packs is not None:
        return env
    job = {
        "lang": current_language(config),
        "site_name": config.site_name,
        "site_dir": Path(config.site_dir),
        "volume_size": _state.pack_volume,
    }
    if not _state.worker_ready:  # every page came from the cache: perhaps the packs did too
        records = in_order(_state.done, _state.nav_order)
        try:
            author = (_state.org or {}).get("department", "")
            _state.packs = (records, build_packs(_state.lookup, records, author=author, **job))
            return env
        except CacheMiss:
            pass
    try:
        _to_worker("packs", flyer_worker.packs, done=_state.done, order=_state.nav_order, **job)
    except WorkerError as err:
        raise PluginError(str(err)) from None
    _state.packs = ()  # queued
    return env


def _finish(config: MkDocsConfig) -> None:
    """Wait for this language's flyers and print packs, then make the catalogue."""
    if not _state.enabled or _state.finished:
        return
    on_env(None, config=config)
    _state.finished = True
    lang = current_language(config)
    try:
        results = dict(_background.results())
    except (FlyerError, WorkerError) as err:
        _background.cancel()
        raise PluginError(str(err)) from None
    records, packs = results.get("packs", _state.packs)
    _state.catalogue = _catalogue(records, [pack for pack, _ in packs])
    fresh = sum(record.fresh for record in records)
    log.info(
        f"QR codes for {_state.queued} pages; flyers: {fresh} built, "
        f"{len(records) - fresh} from cache; print packs: "
        f"{sum(built for _, built in packs)} built ({lang})"
    )


def _catalogue(records: list[FlyerRecord], packs: list[Pack]) -> dict[str, Any]:
    return {
        "flyers": [
            {
                "title": r.title,
                "page_url": r.page_url,
                "pdf": r.paths.flyer_pdf,
                "preview": r.paths.flyer_png,
                "size_kb": max(1, round(r.pdf_bytes / 1024)),
                "historical": r.historical,
            }
            for r in records
        ],
        "packs": {
            layout: [
                {
                    "path": p.path,
                    "size_kb": max(1, round(p.size / 1024)),
                    "first": p.first,
                    "last": p.last,
                    "volume": p.volume,
                    "volumes": p.volumes,
                }
                for p in packs
                if p.layout == layout
            ]
            for layout in LAYOUTS
        },
    }


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, **_: Any
) -> dict[str, Any]:
    meta = PAGE_META.get(page.file.src_uri)
    if _state.enabled and meta is not None:
        paths = output_paths(page.url)
        context["page_outputs"] = {
            "qr_svg": paths.qr_svg,
            "qr_png": paths.qr_png,
            "flyer_pdf": paths.flyer_pdf if meta.flyer.enabled else None,
            "download_name": _download_name(page.url, current_language(config)),
        }
        if page.meta.get("template") == "flyers.html":
            _finish(config)  # the flyers page lists finished files with their sizes
            context["flyer_catalogue"] = _state.catalogue
    return context


# Priority 0 runs before static-i18n (-100), which starts the next language's build from its
# own on_post_build: each language's flyers are finished in its own pass.
def on_post_build(*, config: MkDocsConfig) -> None:
    _finish(config)


def on_shutdown() -> None:
    _background.close()


def _download_name(page_url: str, lang: str) -> str:
    parts = [p for p in page_url.strip("/").split("/") if p and p != lang]
    return f"{parts[-1] if parts else 'index'}-{lang}.pdf"
