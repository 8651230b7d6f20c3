"""`extra.web` in mkdocs.yml (validated in config_schema.py): where the web fonts and
compressed copies are cached, and whether the build writes compressed copies at all."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_CACHE_DIR = ".cache/web"


@dataclass(frozen=True)
class WebSettings:
    cache_dir: Path  # absolute
    precompress: bool = False  # write .gz and .br copies beside the site's text files
