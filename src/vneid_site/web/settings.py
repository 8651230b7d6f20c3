"""`extra.web` in mkdocs.yml: where the web fonts and compressed copies are cached, and
whether the build writes compressed copies at all."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vneid_site.errors import SiteError

DEFAULT_CACHE_DIR = ".cache/web"


class WebSettingsError(SiteError):
    """`extra.web` holds something the build cannot use; the message lists every problem."""


@dataclass(frozen=True)
class WebSettings:
    cache_dir: Path  # absolute
    precompress: bool  # write .gz and .br copies beside the site's text files


def load_web_settings(options: Any, root: Path) -> WebSettings:
    """The settings from `extra.web` (None: the defaults); paths are relative to `root`, the
    folder of mkdocs.yml."""
    options = {} if options is None else options
    if not isinstance(options, dict):
        raise WebSettingsError(
            "mkdocs.yml:\nextra.web: expected a mapping with cache_dir and precompress\n"
            "fix: see the extra.web block of the project's own mkdocs.yml"
        )
    problems = [
        f"extra.web.{key}: unknown setting; expected cache_dir or precompress"
        for key in options
        if key not in ("cache_dir", "precompress")
    ]
    cache_dir = options.get("cache_dir", DEFAULT_CACHE_DIR)
    if not isinstance(cache_dir, str) or not cache_dir.strip():
        problems.append(f"extra.web.cache_dir: expected a folder name, not {cache_dir!r}")
    precompress = options.get("precompress", False)
    if not isinstance(precompress, bool):
        problems.append(f"extra.web.precompress: expected true or false, not {precompress!r}")
    if problems:
        raise WebSettingsError("mkdocs.yml:\n" + "\n".join(problems))
    return WebSettings((root / cache_dir).resolve(), precompress)
