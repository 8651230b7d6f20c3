"""MkDocs hook for the bilingual site: front matter, dates and translations checked once, web
fonts, language links, page footers (date, history, corrections), a 404 page and sitemap per
language, and compressed copies."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from vneid_site.atomic_write import write_text_atomic
from vneid_site.config_schema import load_extra
from vneid_site.content.print_links import add_print_urls
from vneid_site.errors import SiteError
from vneid_site.i18n.alternates import page_languages
from vneid_site.i18n.languages import current_language, from_config, is_nested_build
from vneid_site.i18n.permalinks import retitle_permalinks
from vneid_site.page_footer import page_footer
from vneid_site.site_build import SiteBuild, begin_build, current_build, end_build, running_build
from vneid_site.web.build import WebBuild

log = logging.getLogger("mkdocs.plugins.vneid.site")


@contextmanager
def _site_errors() -> Iterator[None]:
    # What the site's author can fix becomes a clean MkDocs error, without a traceback.
    try:
        yield
    except SiteError as err:
        raise PluginError(str(err)) from None


def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:
    if not config.site_url:
        raise PluginError(
            "site_url is not set in mkdocs.yml. Language links, QR codes and flyers need the "
            "site's absolute address.\n"
            "fix: set SITE_URL=https://your.host/sub/path/ before building, or put "
            "site_url: https://your.host/sub/path/ in mkdocs.yml"
        )
    languages = from_config(config)
    # The other languages are built nested in the default language's build: they share it.
    if current_language(config) == languages.default or running_build() is None:
        with _site_errors():
            begin_build(SiteBuild(languages, load_extra(config)))
    return config


def _site() -> SiteBuild:
    with _site_errors():
        return current_build("site_hook.py")


# Runs before static-i18n (-100), while `files` still holds the pages of every language.
@event_priority(0)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    site = _site()
    if current_language(config) != site.languages.default:
        return files  # checked, and fonts copied, by the default language's build
    # Read from disk once, for the front matter and for the fonts.
    texts = {file.src_uri: file.content_string for file in files.documentation_pages()}
    with _site_errors():
        messages = site.read_pages(texts.items(), Path(config.docs_dir))
        # Fonts cut down to the letters the pages can show.
        site.web = WebBuild(site.settings.web, Path(config.config_file_path))
        site.web.add_fonts(
            files,
            texts.values(),
            lambda path, src: File.generated(config, path, abs_src_path=str(src)),
        )
    for level, message in messages:
        log.log(level, message)
    return files


# What every template of this language prints: overrides/partials/header.html and
# copyright.html (the organisation), overrides/main.html (the font it preloads).
def on_env(env: Environment, *, config: MkDocsConfig, **_: Any) -> Environment:
    site = _site()
    env.globals["site_org"] = site.settings.organisation.resolve(current_language(config))
    env.globals["font_preload"] = site.web.preload if site.web else None
    env.bytecode_cache = site.templates()  # compiled once, not in every build
    return env


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, **_: Any) -> str:
    html = retitle_permalinks(html, config.mdx_configs, current_language(config))
    return add_print_urls(html, page.canonical_url or "")


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, **_: Any
) -> dict[str, Any]:
    site = _site()
    lang = current_language(config)
    context.update(page_languages(page.file, lang, config.site_url, site.languages.default))
    context["page_meta"] = meta = site.pages.get(page.file.src_uri)
    context["page_footer"] = page_footer(meta, lang, site.settings.corrections, page)
    return context


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    languages = _site().languages
    lang = current_language(config)
    if lang == languages.default:
        return output
    folder = Path(config.site_dir) / languages.root(lang)
    if template_name == "404.html":
        # Both languages share site_dir: keep the default 404 at the root, this one under /en/.
        write_text_atomic(folder / "404.html", output)
        return ""
    if template_name == "sitemap.xml":
        # Material's language switch looks for a sitemap beside each language's root.
        write_text_atomic(folder / "sitemap.xml", output)
    return output


# After everything that writes into the site: the other languages' builds (static-i18n, -100,
# runs them nested in this one) and the search index (hooks/search_hook.py, -200).
@event_priority(-300)
def on_post_build(*, config: MkDocsConfig) -> None:
    if is_nested_build(config):
        return
    site = _site()
    site.save_templates()
    web = site.web
    end_build()
    if web is not None and (done := web.finish(config.site_dir)):
        log.info(done)


def on_build_error(**_: Any) -> None:
    end_build()
