"""Project settings the command-line tools need, read from mkdocs.yml and pyproject.toml
without MkDocs: the docs folder, the languages and the content-check options."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from vneid_site.i18n.languages import Languages

DEFAULT_MAX_AGE_DAYS = 30.0
# CPU seconds the content checks may spend on one page; a page of the site takes well under one.
DEFAULT_PAGE_TIME_LIMIT = 20.0


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (!ENV, !!python/name)."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda lo, su, no: None)


@dataclass(frozen=True)
class ProjectSettings:
    root: Path
    docs_dir: Path
    languages: Languages
    max_age_days: float  # how far a translation may lag behind its source
    offices: Path | None = None  # extra.flyers.offices: the offices file, if the site has one
    markdown_extensions: tuple[Any, ...] = ()  # as mkdocs.yml lists them
    page_time_limit: float = DEFAULT_PAGE_TIME_LIMIT  # CPU seconds the checks give one page


def load_settings(root: Path) -> ProjectSettings:
    """Settings of the project in `root`, with the site's defaults for anything missing."""
    docs, languages, offices, extensions = "docs", Languages(), None, ()
    config_file = root / "mkdocs.yml"
    if config_file.is_file():
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
        docs = config.get("docs_dir") or docs
        extensions = tuple(config.get("markdown_extensions") or ())
        flyers = (config.get("extra") or {}).get("flyers") or {}
        if isinstance(flyers, dict) and isinstance(flyers.get("offices"), str):
            offices = root / flyers["offices"]
        for plugin in config.get("plugins") or []:
            if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
                langs = plugin["i18n"].get("languages") or []
                codes = [lang["locale"] for lang in langs if "locale" in lang]
                defaults = [lang["locale"] for lang in langs if lang.get("default")]
                if codes:
                    default = (defaults or codes)[0]
                    languages = Languages((default, *(c for c in codes if c != default)))
    max_age, time_limit = DEFAULT_MAX_AGE_DAYS, DEFAULT_PAGE_TIME_LIMIT
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        table = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        checks = table.get("tool", {}).get("vneid", {}).get("checks", {})
        max_age = float(checks.get("max_age_days", max_age))
        time_limit = float(checks.get("page_time_limit", time_limit))
    return ProjectSettings(root, root / docs, languages, max_age, offices, extensions, time_limit)
