"""MkDocs hook that decides what contributors' content may put on a page: the repository holds
no symbolic links and no generated files, docs/ only files a page may carry (images, PDF, fonts,
the project's own listed assets), page bodies pass an allowlist sanitiser (refused
HTML stops the build, stripped HTML warns), titles are text, and every page carries a
Content-Security-Policy. Listed first in mkdocs.yml: the other hooks see only checked pages."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page

from vneid_site.cache import KeptResults
from vneid_site.checks.published_files import published_problems, svg_code
from vneid_site.checks.repository import repository_problems
from vneid_site.content.sanitise import clean_page, refusal
from vneid_site.content.sanitised_pages import SanitisedPages
from vneid_site.content.toc import make_safe, toc_problems
from vneid_site.csp import ScriptAllowlist, add_csp, template_allowlist
from vneid_site.errors import SiteError
from vneid_site.i18n.languages import current_language, from_config
from vneid_site.site_build import running_build
from vneid_site.web.own_assets import OWN_ASSETS

log = logging.getLogger("mkdocs.plugins.vneid.safety")
_serving = False  # `mkdocs serve`: its live reload adds an inline script (see csp.policy)
_scripts = ScriptAllowlist(())  # the inline scripts the templates write: the only ones hashed
# Each language's page bodies in which the sanitiser found nothing in the last build, by digest;
# in the web cache folder, which the build refuses to find committed (no pull request brings it).
_sanitised: dict[str, SanitisedPages] = {}


@contextmanager
def _site_errors() -> Iterator[None]:
    # What the site's author can fix becomes a clean MkDocs error, without a traceback.
    try:
        yield
    except SiteError as err:
        raise PluginError(str(err)) from None


def on_startup(*, command: str, **_: Any) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:
    global _scripts
    # Before MkDocs lists docs/, which would follow symbolic links out of it.
    default = current_language(config) == from_config(config).default
    with _site_errors():
        if default and (found := repository_problems(config)):
            raise PluginError("\n".join(map(str, found)))
        # The templates as the theme finds them: the project's overrides, then Material's.
        _scripts = template_allowlist((Path(d) for d in config.theme.dirs), fresh=default)
    _sanitised.pop(current_language(config), None)  # made with the first page (_pages)
    return config


def _pages(config: MkDocsConfig) -> SanitisedPages | None:
    """This language's kept verdicts; None without the site hook's build (no cache folder)."""
    lang = current_language(config)
    if lang not in _sanitised and (site := running_build()) is not None:
        _sanitised[lang] = SanitisedPages(site.settings.web.cache_dir / f"sanitised-{lang}.json")
    return _sanitised.get(lang)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    # What MkDocs would copy as it is out of docs/, and out of the theme's custom_dir: only what
    # a page may carry (checks/published_files.py). Every language's files are here at once.
    if current_language(config) != from_config(config).default:
        return files
    root = Path(config.config_file_path).parent
    site = running_build()
    passed = (
        KeptResults(site.settings.web.cache_dir / "svg-passed.json", svg_code()) if site else None
    )
    found = []
    for folder, own in ((config.docs_dir, OWN_ASSETS.keys()), (config.theme.custom_dir, ())):
        if not folder:
            continue
        sources = [
            file.src_uri
            for file in files
            if file.src_dir and os.path.normpath(file.src_dir) == os.path.normpath(folder)
            if file.inclusion is not InclusionLevel.EXCLUDED
        ]
        shown = f"{os.path.relpath(folder, root)}/".replace(os.sep, "/")
        with _site_errors():
            found += published_problems(Path(folder), sources, shown, own, passed)
    if passed is not None:
        passed.save()
    if found:
        raise PluginError(
            f"{len(found)} file(s) the site may not publish:\n" + "\n".join(map(str, found))
        )
    return files


def on_page_markdown(markdown: str, *, page: Page, **_: Any) -> str:
    # Titles are text, printed as HTML: escaped once, as Markup (which `| e` leaves alone).
    if isinstance(title := page.meta.get("title"), str):
        page.meta["title"] = escape(title)
    return markdown


# The page body (contributors' Markdown): refused HTML stops the build, stripped warns. Its
# table of contents, which the theme prints unescaped: ids checked, titles made text.
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, **_: Any) -> str:
    source, shown = page.file.content_string, f"docs/{page.file.src_uri}"
    with _site_errors():
        pages = _pages(config)
        checked = (pages.clean_page if pages else clean_page)(html, source, shown)
        refused = checked.refused or toc_problems(page.toc, source, shown)
    if refused:
        raise PluginError(refusal(refused))
    make_safe(page.toc)
    for problem in checked.stripped:
        log.warning(str(problem))
    return checked.html


@event_priority(-1000)  # last of all: the policy hashes the finished page's own inline scripts
def on_post_page(output: str, *, page: Page, **_: Any) -> str:
    return add_csp(output, page.file.src_uri, _scripts, _serving, log.warning)


# Before the site hook, which writes the other languages' 404 pages itself.
def on_post_template(output: str, *, template_name: str, **_: Any) -> str:
    if template_name == "404.html":
        return add_csp(output, template_name, _scripts, _serving, log.warning)
    return output


def on_post_build(*, config: MkDocsConfig) -> None:
    # Only after a whole build: a failed one leaves the last good verdicts as they were.
    if pages := _sanitised.pop(current_language(config), None):
        pages.save()
