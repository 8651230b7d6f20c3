"""MkDocs hook: QR codes, flyers and posters to print, previews and print packs, per language."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from vneid_site.config_schema import flyer_options
from vneid_site.errors import SiteError
from vneid_site.flyers.build import FlyerBuild
from vneid_site.flyers.dates import SharedDates
from vneid_site.flyers.pool import WorkerPool
from vneid_site.flyers.qr_targets import allowed_hosts, target_problems
from vneid_site.flyers.settings import page_links, pool_size, preview_notice, resolve_settings
from vneid_site.i18n.languages import current_language
from vneid_site.site_build import SiteBuild, current_build

if TYPE_CHECKING:  # only `mkdocs serve` loads the live-reload server (and its 14 ms of imports)
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.vneid.flyers")


@contextmanager
def _site_errors() -> Iterator[None]:
    # What the site's author can fix becomes a clean MkDocs error, without a traceback; the
    # queued work is dropped.
    try:
        yield
    except SiteError as err:
        if _build is not None:
            _build.cancel()
        raise PluginError(str(err)) from None


# The worker may outlive a build (`mkdocs serve` keeps its compiler); the build state does not.
_pool = WorkerPool()
_build: FlyerBuild | None = None
_qr_hosts: frozenset[str] = frozenset()
# When the profile and templates last changed: from git once per build, by its first language.
_shared: SharedDates | None = None


def _site() -> SiteBuild:
    with _site_errors():
        return current_build("flyer_hook.py")


def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:
    global _build, _qr_hosts, _shared
    _build = None  # a failed build dropped its work in on_build_error
    site = _site()
    flyers = site.settings.flyers  # extra.flyers, checked by the site hook
    _qr_hosts = allowed_hosts(config.site_url, flyers.qr_hosts)
    if not flyers.enabled:
        return config
    lang = current_language(config)
    if lang == site.languages.default:
        _shared = None
    org = site.settings.organisation.resolve(lang)
    with _site_errors():
        settings, offices, warnings = resolve_settings(config, flyers, lang, org, _shared)
    _shared = settings.shared
    _pool.resize(pool_size(flyers.workers))
    if lang == site.languages.default:  # said once for the whole build
        for warning in warnings:
            log.warning(warning)
        if notice := preview_notice(config.site_url or ""):
            log.info(notice)
    _build = FlyerBuild(settings, _pool, site.pages, offices, site.languages)
    return config


# After the site hook's on_files (listed before this hook), which read every page's front
# matter: the extra QR codes of every language's flyers, checked once.
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    site = _site()
    if current_language(config) != site.languages.default:
        return files
    problems = []
    for file in files.documentation_pages():
        meta = site.pages.get(file.src_uri)
        if meta is not None and meta.flyer.qr:
            shown = f"docs/{file.src_uri}"
            problems += target_problems(meta.flyer.qr, file.content_string, shown, _qr_hosts)
    if problems:
        raise PluginError(
            f"{len(problems)} QR code(s) that flyers may not print:\n"
            + "\n".join(map(str, problems))
        )
    return files


def on_nav(nav: Navigation, **_: Any) -> Navigation:
    # Print packs follow the navigation, the order officials know from the site.
    if _build is not None:
        _build.order = tuple(page.file.src_uri for page in nav.pages)
    return nav


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, **_: Any) -> str:
    meta = _site().pages.get(page.file.src_uri)
    if _build is None or meta is None or _build.summary is not None:
        return html
    lang = getattr(page.file, "locale", current_language(config))
    with _site_errors():
        _build.add_page(page.file.src_uri, html, meta, lang, page.canonical_url or "", page.url)
    return html


# on_env: the language's pages are all read, so the packs know every page they must hold.
def on_env(env: Any, *, files: Files, **_: Any) -> Any:
    if _build is not None:
        _build.expect([file.src_uri for file in files.documentation_pages()])
    return env


def _finish() -> dict[str, Any] | None:
    """Wait for this language's flyers and packs, log what was made; the catalogue."""
    if _build is None:
        return None
    with _site_errors():
        summary, now = _build.finish()
    for line in summary.report() if now else []:
        log.info(line)
    for warning in summary.empty if now else ():
        log.warning(warning)
    return summary.catalogue


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, **_: Any
) -> dict[str, Any]:
    site = _site()
    meta = site.pages.get(page.file.src_uri)
    if _build is not None and meta is not None:
        lang = _build.settings.lang
        context["page_outputs"] = page_links(page.url, lang, meta.flyer.enabled, site.languages)
        if page.meta.get("template") == "flyers.html":
            # The flyers page lists finished files with their sizes.
            context["flyer_catalogue"] = _finish()
    return context


# Priority 0 runs before static-i18n (-100), which starts the next language's build from its
# own on_post_build: each language's flyers are finished in its own pass.
def on_post_build(*, config: MkDocsConfig) -> None:
    _finish()


def on_build_error(**_: Any) -> None:
    if _build is not None:
        _build.cancel()


# `mkdocs serve` rebuilds when the offices file changes. mkdocs.yml's `watch:` cannot list it:
# a site may have none, and MkDocs refuses a watched path that does not exist.
def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, **_: Any) -> LiveReloadServer:
    # MkDocs refuses a missing path in `watch:`, and the offices file is optional.
    with _site_errors():
        offices = flyer_options(config).offices
    if offices is not None and offices.is_file():
        server.watch(str(offices))
    return server


def on_shutdown() -> None:
    _pool.close()
