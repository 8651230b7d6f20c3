"""MkDocs hook: QR codes, flyers and posters to print, previews and print packs, per language."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
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
from vneid_site.i18n.languages import current_language, is_nested_build
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
        _cancel()
        raise PluginError(str(err)) from None


# The worker may outlive a build (`mkdocs serve` keeps its compiler); the build state does not.
_pool = WorkerPool()
_build: FlyerBuild | None = None
# Languages whose pages are done and whose packs are being made, collected at the build's end.
_open: list[FlyerBuild] = []
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
        _open.clear()
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
        _poll()
    return html


def _poll() -> None:
    # Hand the worker what waits for it, once it has answered: checked page by page.
    for build in (*_open, _build):
        if build is not None:
            build.poll()


# on_env: the language's pages are all read, so the packs know every page they must hold.
def on_env(env: Any, *, files: Files, **_: Any) -> Any:
    if _build is not None:
        _build.expect([file.src_uri for file in files.documentation_pages()])
    return env


def _finish(build: FlyerBuild | None) -> dict[str, Any] | None:
    """Wait for a language's flyers and packs, log what was made; the catalogue."""
    if build is None:
        return None
    with _site_errors():
        summary, now = build.finish()
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
    with _site_errors():
        _poll()
    if _build is not None and meta is not None:
        lang = _build.settings.lang
        context["page_outputs"] = page_links(page.url, lang, meta.flyer.enabled, site.languages)
        if page.meta.get("template") == "flyers.html":
            # The flyers page lists finished files with their sizes.
            context["flyer_catalogue"] = _finish(_build)
    return context


# Before static-i18n (-100), which runs the next language's build from its own on_post_build:
# the worker makes this language's packs while the next language's pages are rendered.
@event_priority(0)
def _begin_packs(*, config: MkDocsConfig) -> None:
    if _build is None:
        return
    more = not is_nested_build(config) and len(_site().languages.codes) > 1
    with _site_errors():
        _build.begin_packs(overlap=more)
    _open.append(_build)


# Once every language is built, and after the search index (-200): the packs, waited for.
@event_priority(-250)
def _end_packs(*, config: MkDocsConfig) -> None:
    if is_nested_build(config):
        return
    while _open:
        _finish(_open[0])
        _open.pop(0)


# Typed for plugin methods (self first); a hook module's functions have none.
on_post_build = CombinedEvent(_begin_packs, _end_packs)  # type: ignore[arg-type]


def _cancel() -> None:
    for build in (*_open, _build):
        if build is not None:
            build.cancel()
    _open.clear()


def on_build_error(**_: Any) -> None:
    _cancel()


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
