"""Project settings the command-line tools need, read from mkdocs.yml and pyproject.toml: the
docs folder, the languages and the content-check options. mkdocs.yml is loaded by MkDocs itself,
as the build loads it (INHERIT, !ENV), but for the tools, never from within a build."""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from vneid_site.checks.repository import cache_folders
from vneid_site.errors import SiteError
from vneid_site.flyers.qr_targets import DEFAULT_QR_HOSTS
from vneid_site.i18n.languages import Languages

DEFAULT_MAX_AGE_DAYS = 30.0
# CPU seconds the content checks may spend on one page; a page of the site takes well under one.
DEFAULT_PAGE_TIME_LIMIT = 20.0


class ProjectConfigError(SiteError):
    """mkdocs.yml is missing, or MkDocs cannot load it."""


@dataclass(frozen=True)
class ProjectSettings:
    root: Path
    docs_dir: Path
    languages: Languages
    max_age_days: float  # how far a translation may lag behind its source
    offices: Path | None = None  # extra.flyers.offices: the offices file, if the site has one
    markdown_extensions: tuple[Any, ...] = ()  # as MkDocs loads them: names, {name: config}
    custom_dir: Path | None = None  # theme.custom_dir: the project's template overrides
    site_url: str | None = None  # as the build reads it (SITE_URL, or mkdocs.yml's default)
    qr_hosts: tuple[str, ...] = DEFAULT_QR_HOSTS  # extra.flyers.qr_hosts
    page_time_limit: float = DEFAULT_PAGE_TIME_LIMIT  # CPU seconds the checks give one page
    # [tool.vneid.checks.phone-numbers]: every phone number pages may print, with its source
    phone_numbers: dict[str, Any] = field(default_factory=dict)
    organisation: dict[str, Any] = field(default_factory=dict)  # extra.organisation, as written
    outputs: tuple[Path, ...] = ()  # site_dir and the cache folders: never committed


class _Collected(logging.Handler):
    """The messages MkDocs logs while it loads the configuration."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.errors.append(record.getMessage())


@contextmanager
def _mkdocs_messages() -> Iterator[_Collected]:
    # MkDocs logs each problem of the configuration, then raises a bare "Aborted": the problems
    # go into the tool's own message, and its warnings, which the build shows, nowhere.
    logger = logging.getLogger("mkdocs")
    handler, propagate = _Collected(), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def load_mkdocs_config(config_file: Path) -> MkDocsConfig:
    """mkdocs.yml as the build reads it; a ProjectConfigError naming the file and the fix.
    The tools need neither the hooks nor the paths `mkdocs serve` watches: they are left out,
    so neither is imported or must exist."""
    if not config_file.is_file():
        raise ProjectConfigError(
            f"{config_file}: no such file\n"
            "fix: run the command on the project folder, the one that holds mkdocs.yml"
        )
    with _mkdocs_messages() as messages:
        try:
            return load_config(str(config_file), hooks=[], watch=[])
        except (MkDocsException, OSError) as err:
            problems = messages.errors or [str(err)]
    problem = " ".join("; ".join(problems).split())  # YAML errors span lines
    raise ProjectConfigError(
        f"{config_file}: {problem}\n"
        f"fix: correct {config_file.name}; `mkdocs build` reports the same problem"
    )


def _languages(config: MkDocsConfig) -> Languages:
    """The languages of the i18n plugin, the default first; the site's own without it."""
    plugin = config.plugins.get("i18n")
    langs = getattr(getattr(plugin, "config", None), "languages", None) or []
    codes = [lang["locale"] for lang in langs]
    defaults = [lang["locale"] for lang in langs if lang["default"]]
    if not codes:
        return Languages()
    default = (defaults or codes)[0]
    return Languages((default, *(c for c in codes if c != default)))


def load_settings(root: Path) -> ProjectSettings:
    """Settings of the project in `root`, with the site's defaults for anything missing; a
    ProjectConfigError if its mkdocs.yml is missing or cannot be loaded."""
    config = load_mkdocs_config(root / "mkdocs.yml")
    # MkDocs' own extensions first, as it loads them; each with its settings.
    configs = config.mdx_configs
    extensions = tuple({n: configs[n]} if n in configs else n for n in config.markdown_extensions)
    custom = config.theme.custom_dir
    extra = config.extra
    flyers = extra.get("flyers") or {}
    organisation = extra.get("organisation")
    offices = None
    qr_hosts: tuple[str, ...] = DEFAULT_QR_HOSTS
    if isinstance(flyers, dict) and isinstance(flyers.get("offices"), str):
        offices = root / flyers["offices"]
    if isinstance(flyers, dict) and isinstance(flyers.get("qr_hosts"), list):
        qr_hosts = tuple(str(host) for host in flyers["qr_hosts"])
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
        Path(config.docs_dir),
        _languages(config),
        max_age,
        offices,
        extensions,
        Path(custom) if custom else None,
        config.site_url,
        qr_hosts,
        time_limit,
        phones,
        organisation if isinstance(organisation, dict) else {},
        (Path(config.site_dir), *cache_folders(root, extra)),
    )
