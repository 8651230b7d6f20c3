"""Project settings the command-line tools need, read from mkdocs.yml and pyproject.toml
without MkDocs: the docs folder, the languages and the content-check options."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from vneid_site.flyers.qr_targets import DEFAULT_QR_HOSTS
from vneid_site.i18n.languages import Languages

DEFAULT_MAX_AGE_DAYS = 30.0
# CPU seconds the content checks may spend on one page; a page of the site takes well under one.
DEFAULT_PAGE_TIME_LIMIT = 20.0


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (!ENV, !!python/name)."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """!ENV as MkDocs reads it: the first variable set, else the last item as the default."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    items = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else []
    names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    return next((os.environ[n] for n in names if isinstance(n, str) and n in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env)
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
    custom_dir: Path | None = None  # theme.custom_dir: the project's template overrides
    site_url: str | None = None  # as the build reads it (SITE_URL, or mkdocs.yml's default)
    qr_hosts: tuple[str, ...] = DEFAULT_QR_HOSTS  # extra.flyers.qr_hosts
    page_time_limit: float = DEFAULT_PAGE_TIME_LIMIT  # CPU seconds the checks give one page
    # [tool.vneid.checks.phone-numbers]: every phone number pages may print, with its source
    phone_numbers: dict[str, Any] = field(default_factory=dict)
    organisation: dict[str, Any] = field(default_factory=dict)  # extra.organisation, as written


def load_settings(root: Path) -> ProjectSettings:
    """Settings of the project in `root`, with the site's defaults for anything missing."""
    docs, languages, offices, extensions, custom = "docs", Languages(), None, (), None
    site_url, qr_hosts = None, DEFAULT_QR_HOSTS
    organisation: dict[str, Any] = {}
    config_file = root / "mkdocs.yml"
    if config_file.is_file():
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
        docs = config.get("docs_dir") or docs
        extensions = tuple(config.get("markdown_extensions") or ())
        theme = config.get("theme")
        if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
            custom = root / theme["custom_dir"]
        extra = config.get("extra") or {}
        flyers = extra.get("flyers") or {}
        if isinstance(extra.get("organisation"), dict):
            organisation = extra["organisation"]
        if isinstance(flyers, dict) and isinstance(flyers.get("offices"), str):
            offices = root / flyers["offices"]
        if isinstance(flyers, dict) and isinstance(flyers.get("qr_hosts"), list):
            qr_hosts = tuple(str(host) for host in flyers["qr_hosts"])
        if isinstance(config.get("site_url"), str):
            site_url = config["site_url"]
        for plugin in config.get("plugins") or []:
            if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
                langs = plugin["i18n"].get("languages") or []
                codes = [lang["locale"] for lang in langs if "locale" in lang]
                defaults = [lang["locale"] for lang in langs if lang.get("default")]
                if codes:
                    default = (defaults or codes)[0]
                    languages = Languages((default, *(c for c in codes if c != default)))
    max_age, time_limit = DEFAULT_MAX_AGE_DAYS, DEFAULT_PAGE_TIME_LIMIT
    phones: dict[str, Any] = {}
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        table = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        checks = table.get("tool", {}).get("vneid", {}).get("checks", {})
        max_age = float(checks.get("max_age_days", max_age))
        time_limit = float(checks.get("page_time_limit", time_limit))
        phones = dict(checks.get("phone-numbers", {}))
    return ProjectSettings(
        root,
        root / docs,
        languages,
        max_age,
        offices,
        extensions,
        custom,
        site_url,
        qr_hosts,
        time_limit,
        phones,
        organisation,
    )
