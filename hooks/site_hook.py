"""MkDocs hook for the bilingual site: checks, fonts, language alternates, per-language 404."""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any

from alternates import page_alternates
from atomic_write import write_text_atomic
from fonts import FontError, web_font_files
from front_matter import parse_page_meta
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from organisation import OrganisationError, load_organisation
from page_registry import PAGE_META
from print_links import add_print_urls
from site_i18n import current_language, default_language, language_of_source, languages

log = logging.getLogger("mkdocs.plugins.vneid.site")


def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:
    if not config.site_url:
        raise PluginError(
            "site_url is not set in mkdocs.yml. Language links, QR codes and flyers need the "
            "site's absolute address.\n"
            "fix: set SITE_URL=https://your.host/sub/path/ before building, or put "
            "site_url: https://your.host/sub/path/ in mkdocs.yml"
        )
    lang = current_language(config)
    try:
        config.extra["org"] = load_organisation(
            config.extra.get("organisation"), lang, languages(config)
        )
    except OrganisationError as err:
        raise PluginError(f"mkdocs.yml: the organisation profile is incomplete:\n{err}") from None
    return config


# Runs before static-i18n (-100), while `files` still holds the pages of every language.
@event_priority(0)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if current_language(config) != default_language(config):
        return files  # checked, and fonts copied, by the default language's build
    _check_pages(files, config)
    try:
        fonts = web_font_files()
    except FontError as err:
        raise PluginError(str(err)) from None
    for font in fonts:
        files.append(File.generated(config, f"assets/fonts/{font.name}", abs_src_path=str(font)))
    return files


def _check_pages(files: Files, config: MkDocsConfig) -> None:
    PAGE_META.clear()
    problems = []
    by_lang: dict[str, set[str]] = {lang: set() for lang in languages(config)}
    for file in files.documentation_pages():
        meta, found = parse_page_meta(file.content_string, f"docs/{file.src_uri}")
        problems += found
        if meta is not None:
            PAGE_META[file.src_uri] = meta
        lang, base = language_of_source(file.src_uri, config)
        by_lang.setdefault(lang, set()).add(base)
    if problems:
        raise PluginError(
            f"{len(problems)} front matter problem(s):\n" + "\n".join(map(str, problems))
        )
    default = default_language(config)
    for lang, pages in by_lang.items():
        for base in sorted(by_lang[default] - pages):
            stem = base.removesuffix(".md")
            log.warning(
                f"docs/{base} has no translation into '{lang}': the '{lang}' site shows the "
                f"'{default}' text with a 'not translated yet' notice.\n"
                f"  fix: add docs/{stem}.{lang}.md"
            )
        for base in sorted(pages - by_lang[default]):
            log.warning(
                f"docs/{base.removesuffix('.md')}.{lang}.md has no '{default}' original; "
                f"it is not published. fix: add docs/{base}"
            )


def on_page_markdown(markdown: str, *, page: Page, **_: Any) -> str:
    # Themes print titles as HTML, as MkDocs makes them from a Markdown heading; a title from
    # front matter is plain text, so "<" or "&" in it must be escaped once, here.
    title = page.meta.get("title")
    if isinstance(title, str):
        page.meta["title"] = html.escape(title, quote=False)
    return markdown


def on_page_content(html: str, *, page: Page, **_: Any) -> str:
    return add_print_urls(html, page.canonical_url or "")


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, **_: Any
) -> dict[str, Any]:
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
        default_language(config),
    )
    context["page_meta"] = PAGE_META.get(page.file.src_uri)
    return context


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    lang = current_language(config)
    if lang == default_language(config):
        return output
    site_dir = Path(config.site_dir)
    if template_name == "404.html":
        # Both languages share site_dir: keep the default 404 at the root, this one under /en/.
        write_text_atomic(site_dir / lang / "404.html", output)
        return ""
    if template_name == "sitemap.xml":
        # Material's language switch looks for a sitemap beside each language's root.
        write_text_atomic(site_dir / lang / "sitemap.xml", output)
    return output
