"""MkDocs hook for the bilingual site: front matter, dates and translations checked once, fonts,
language links, sanitised page bodies, page footers, a CSP per page, 404 pages and sitemaps."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from vneid_site.atomic_write import write_text_atomic
from vneid_site.checks.repository import repository_problems
from vneid_site.content.print_links import add_print_urls
from vneid_site.content.sanitise import clean_page, refusal
from vneid_site.corrections import CorrectionsError, corrections_of
from vneid_site.csp import add_csp
from vneid_site.font_files import FontError, web_font_files
from vneid_site.i18n.alternates import page_alternates
from vneid_site.i18n.languages import current_language, from_config
from vneid_site.i18n.permalinks import retitle_permalinks
from vneid_site.organisation import OrganisationError, load_organisation
from vneid_site.page_footer import page_footer
from vneid_site.site_build import CONFIG_KEY, PageProblems, SiteBuild

log = logging.getLogger("mkdocs.plugins.vneid.site")
_serving = False  # `mkdocs serve`: its live reload adds an inline script (see csp.policy)


def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:
    if not config.site_url:
        raise PluginError(
            "site_url is not set in mkdocs.yml. Language links, QR codes and flyers need the "
            "site's absolute address.\n"
            "fix: set SITE_URL=https://your.host/sub/path/ before building, or put "
            "site_url: https://your.host/sub/path/ in mkdocs.yml"
        )
    languages = from_config(config)
    lang = current_language(config)
    try:
        config.extra["org"] = load_organisation(
            config.extra.get("organisation"), lang, languages.codes
        )
        corrections = corrections_of(config)
    except (OrganisationError, CorrectionsError) as err:
        raise PluginError(f"mkdocs.yml: {err}") from None
    if lang == languages.default or not isinstance(config.extra.get(CONFIG_KEY), SiteBuild):
        config.extra[CONFIG_KEY] = SiteBuild(languages, corrections=corrections)
        if found := repository_problems(config):  # before MkDocs lists docs/, following links
            raise PluginError("\n".join(map(str, found)))
    return config


def _site(config: MkDocsConfig) -> SiteBuild:
    return config.extra[CONFIG_KEY]


# Runs before static-i18n (-100), while `files` still holds the pages of every language.
@event_priority(0)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    site = _site(config)
    if current_language(config) != site.languages.default:
        return files  # checked, and fonts copied, by the default language's build
    pages = ((file.src_uri, file.content_string) for file in files.documentation_pages())
    try:
        messages = site.read_pages(pages, Path(config.docs_dir))
        fonts = web_font_files()
    except (PageProblems, FontError) as err:
        raise PluginError(str(err)) from None
    for level, message in messages:
        log.log(level, message)
    for font in fonts:
        files.append(File.generated(config, f"assets/fonts/{font.name}", abs_src_path=str(font)))
    return files


def on_page_markdown(markdown: str, *, page: Page, **_: Any) -> str:
    # Titles are text, printed as HTML: escaped once, as Markup (which `| e` leaves alone).
    if isinstance(title := page.meta.get("title"), str):
        page.meta["title"] = escape(title)
    return markdown


# The page body (contributors' Markdown) only: refused HTML stops the build, stripped warns.
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, **_: Any) -> str:
    checked = clean_page(html, page.file.content_string, f"docs/{page.file.src_uri}")
    if checked.refused:
        raise PluginError(refusal(checked.refused))
    for problem in checked.stripped:
        log.warning(str(problem))
    html = retitle_permalinks(checked.html, config.mdx_configs, current_language(config))
    return add_print_urls(html, page.canonical_url or "")


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, **_: Any
) -> dict[str, Any]:
    site = _site(config)
    lang = current_language(config)
    file_lang = getattr(page.file, "locale", lang)
    files_by_lang = {lang: page.file, **getattr(page.file, "alternates", {})}
    translated = {
        code for code, file in files_by_lang.items() if getattr(file, "locale", code) == code
    }
    context["site_lang"] = lang
    context["content_lang"] = file_lang
    context["untranslated"] = file_lang != lang
    context["hreflang"] = page_alternates(
        config.site_url,
        {code: file.url for code, file in files_by_lang.items()},
        translated,
        site.languages.default,
    )
    context["page_meta"] = meta = site.pages.get(page.file.src_uri)
    context["page_footer"] = page_footer(meta, lang, site.corrections, page)
    return context


def on_startup(*, command: str, **_: Any) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(-1000)  # last of all: the policy hashes the finished page's inline scripts
def on_post_page(output: str, *, page: Page, **_: Any) -> str:
    return add_csp(output, page.file.src_uri, _serving, log.warning)


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    languages = _site(config).languages
    lang = current_language(config)
    if template_name == "404.html":
        output = add_csp(output, template_name, _serving, log.warning)
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
