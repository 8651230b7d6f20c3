"""MkDocs hook: a QR code and a printable flyer for every page, in each language."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from build_cache import FileCache
from flyer_content import FlyerContent, FlyerContentError, extract, is_preview_url
from flyer_render import FlyerError, RenderSettings
from fonts import FONT_DIR
from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from page_outputs import OutputPaths, PageOutputBuilder, output_paths
from page_registry import PAGE_META
from site_i18n import current_language

log = logging.getLogger("mkdocs.plugins.vneid.flyers")


class FlyersConfig(base.Config):
    """`extra.flyers` in mkdocs.yml."""

    enabled = opt.Type(bool, default=True)
    # Folder with main.typ (and what it imports), relative to mkdocs.yml.
    template_dir = opt.Type(str, default="overrides/flyer")
    # Generated files kept between builds, relative to mkdocs.yml.
    cache_dir = opt.Type(str, default=".cache/flyers")


@dataclass(frozen=True)
class _Job:
    src: str
    page_url: str
    content: FlyerContent
    flyer: bool


_builder: PageOutputBuilder | None = None
_jobs: list[_Job] = []


def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:
    global _builder
    settings = _load_settings(config)
    _jobs.clear()
    if settings is None:
        _builder = None
        return config
    render, cache_dir = settings
    org = config.extra["org"]
    org_data = {
        "name": org.name,
        "department": org.department,
        "hotline": org.hotline,
        "contact": org.contact,
        "contact_note": org.contact_note,
        "logo_svg": _logo_svg(config, org.logo),
    }
    if is_preview_url(config.site_url or "") and current_language(config) == "vi":
        log.info(
            f"site_url {config.site_url} is a local address: flyers are stamped as previews. "
            "For flyers to print, build with SITE_URL=https://your.host/path/"
        )
    try:
        _builder = PageOutputBuilder(render, FileCache(cache_dir), org_data)
    except FlyerError as err:
        raise PluginError(str(err)) from None
    return config


def _load_settings(config: MkDocsConfig) -> tuple[RenderSettings, Path] | None:
    flyers = FlyersConfig()
    flyers.load_dict(dict(config.extra.get("flyers") or {}))
    errors, warnings = flyers.validate()
    problems = [f"extra.flyers.{key}: {err}" for key, err in [*errors, *warnings]]
    if problems:
        raise PluginError("mkdocs.yml:\n" + "\n".join(problems))
    if not flyers.enabled:
        return None
    root = Path(config.config_file_path).parent
    template_dir = (root / flyers.template_dir).resolve()
    return RenderSettings(template_dir, FONT_DIR), (root / flyers.cache_dir).resolve()


def _logo_svg(config: MkDocsConfig, logo: str) -> str:
    path = Path(config.docs_dir) / logo
    if path.suffix.lower() != ".svg" or not path.is_file():
        log.warning(
            f"extra.organisation.logo: '{logo}' is not an SVG file under docs/; flyers are "
            "printed without a logo.\n  fix: point logo at an .svg file in docs/"
        )
        return ""
    return path.read_text(encoding="utf-8")


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, **_: Any) -> str:
    meta = PAGE_META.get(page.file.src_uri)
    if _builder is None or meta is None:
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
    _jobs.append(_Job(src, page.url, content, meta.flyer.enabled))
    return html


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, **_: Any
) -> dict[str, Any]:
    meta = PAGE_META.get(page.file.src_uri)
    if _builder is not None and meta is not None:
        paths: OutputPaths = output_paths(page.url)
        context["page_outputs"] = {
            "qr_svg": paths.qr_svg,
            "qr_png": paths.qr_png,
            "flyer_pdf": paths.flyer_pdf if meta.flyer.enabled else None,
            "download_name": _download_name(page.url, current_language(config)),
        }
    return context


def _download_name(page_url: str, lang: str) -> str:
    parts = [p for p in page_url.strip("/").split("/") if p and p != lang]
    return f"{parts[-1] if parts else 'index'}-{lang}.pdf"


# Priority 0 runs before static-i18n (-100), which starts the next language's build from its
# own on_post_build: each language's files are written in its own pass.
def on_post_build(*, config: MkDocsConfig) -> None:
    if _builder is None:
        return
    site_dir = Path(config.site_dir)
    before = (_builder.stats.built, _builder.stats.cached)
    try:
        for job in _jobs:
            _builder.build(
                content=job.content,
                page_url=job.page_url,
                src=job.src,
                site_dir=site_dir,
                flyer=job.flyer,
            )
    except FlyerError as err:
        raise PluginError(str(err)) from None
    built = _builder.stats.built - before[0]
    cached = _builder.stats.cached - before[1]
    log.info(
        f"QR codes for {len(_jobs)} pages; flyers: {built} built, {cached} from cache "
        f"({current_language(config)})"
    )
    _jobs.clear()
