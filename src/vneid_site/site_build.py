"""What the hooks share across the language builds of one `mkdocs build`, held here for the
length of the build: mkdocs-static-i18n builds every other language nested inside the default
language's build, and each hook file reaches this one object rather than passing state through
MkDocs' config."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from vneid_site.cache import KeptResults
from vneid_site.checks.translations import check_parity
from vneid_site.content.front_matter import parse_page_meta
from vneid_site.content.limits import limits_code, page_limits
from vneid_site.content.page_dates import date_pages
from vneid_site.content.problems import Problem
from vneid_site.content.schema import PageMeta
from vneid_site.corrections import NOT_SET, Corrections
from vneid_site.errors import SiteError
from vneid_site.flyers.settings import FlyerOptions
from vneid_site.i18n.languages import Languages
from vneid_site.organisation import OrganisationProfile
from vneid_site.web.build import WebBuild
from vneid_site.web.settings import WebSettings
from vneid_site.web.templates import KeptTemplates


@dataclass(frozen=True)
class SiteSettings:
    """The `extra` blocks of mkdocs.yml, validated once for the whole build (config_schema.py)."""

    organisation: OrganisationProfile
    web: WebSettings
    flyers: FlyerOptions
    corrections: Corrections | None = None  # where readers suggest a change; None: no links


@dataclass
class SiteBuild:
    """Made whole by the default language's on_config; its pages are read in on_files, which
    sees the files of every language."""

    languages: Languages
    settings: SiteSettings
    pages: dict[str, PageMeta] = field(default_factory=dict)  # docs path -> front matter
    web: WebBuild | None = None  # the web fonts, made with the pages, finished with the site
    _templates: KeptTemplates | None = field(default=None, init=False, repr=False)

    def templates(self) -> KeptTemplates:
        """The compiled templates every language's environment loads and keeps (web/templates.py),
        read once per build."""
        if self._templates is None:
            self._templates = KeptTemplates(self.settings.web.cache_dir)
        return self._templates

    def save_templates(self) -> None:
        if self._templates is not None:
            self._templates.save()

    def read_pages(
        self, sources: Iterable[tuple[str, str]], docs_dir: Path
    ) -> list[tuple[int, str]]:
        """Parse the front matter of every (docs path, text) and date the pages; return what
        the build log says, as (level, message). PageProblems if any front matter is wrong.

        The same checks as scripts/check_content.py; in the build a missing translation is a
        warning (it fails --strict), because the site still shows the untranslated page.
        """
        problems: list[Problem] = []
        passed = KeptResults(self.settings.web.cache_dir / "limits-passed.json", limits_code())
        for src, text in sources:
            # Before Markdown ever reads the page: what would take it minutes is refused here.
            if found := passed.problems(text, partial(page_limits, text, f"docs/{src}")):
                problems += found
                continue
            meta, found = parse_page_meta(text, f"docs/{src}")
            problems += found
            if meta is not None:
                self.pages[src] = meta
        passed.save()
        if problems:
            raise PageProblems(
                f"{len(problems)} problem(s) in the pages' front matter or size:\n"
                + "\n".join(map(str, problems))
            )
        # Said once per build, here.
        notices = date_pages(self.pages, docs_dir, self.settings.web.cache_dir / "page-times.json")
        if not self.settings.corrections:
            notices.append(NOT_SET)
        # Past the check above every source has its front matter: the pages are the sources.
        parity = check_parity(self.pages, self.languages)
        return [(logging.INFO, notice) for notice in notices] + [
            (logging.WARNING, str(problem)) for problem in parity
        ]


class PageProblems(SiteError):
    """Pages whose front matter the build cannot use."""


class SiteBuildMissing(SiteError):
    """A hook that needs the site hook's work runs without it."""


# The build in progress: begun by the site hook's first on_config, ended with the build.
_current: SiteBuild | None = None


def begin_build(site: SiteBuild) -> None:
    """Make `site` the build the hooks share, until end_build."""
    global _current
    _current = site


def end_build() -> None:
    """The build is over (done or failed): nothing of it leaks into the next one."""
    global _current
    _current = None


def running_build() -> SiteBuild | None:
    """The build in progress, if the site hook has begun one."""
    return _current


def current_build(hook: str) -> SiteBuild:
    """The build in progress, for the hook file `hook`; SiteBuildMissing if the site hook has
    not begun one (it is not listed, or listed after `hook`)."""
    if _current is None:
        raise SiteBuildMissing(
            f"hooks/{hook} needs what hooks/site_hook.py provides (the pages' front matter and "
            "the organisation profile).\n"
            f"fix: list hooks/site_hook.py before hooks/{hook} under hooks: in mkdocs.yml"
        )
    return _current
