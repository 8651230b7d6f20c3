"""MkDocs hook for search: one index per language, shaped for how each language is typed."""

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

from vneid_site.atomic_write import write_bytes_atomic
from vneid_site.cache import FileCache
from vneid_site.errors import SiteError
from vneid_site.i18n.languages import current_language, from_config, is_nested_build
from vneid_site.search.shaped import shape
from vneid_site.search.worker import material_worker, wrapped

log = logging.getLogger("mkdocs.plugins.vneid.search")

INDEX = Path("search") / "search_index.json"
_worker: dict[str, str] | None = None  # Material's search worker and the wrapper that ranks


@contextmanager
def _site_errors() -> Iterator[None]:
    # What the site's author can fix becomes a clean MkDocs error, without a traceback.
    try:
        yield
    except SiteError as err:
        raise PluginError(str(err)) from None


def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:
    global _worker
    theme = getattr(config, "theme", None)
    worker = material_worker(getattr(theme, "dirs", None) or [])
    if worker is None:
        log.warning(
            "Material's search worker was not found in the theme: search results keep "
            "Material's order.\nfix: check that the theme is mkdocs-material"
        )
    _worker = {"material": worker, "wrapper": wrapped(worker)} if worker else None
    return config


def on_env(env: Environment, *, config: MkDocsConfig, **_: Any) -> Environment:
    # overrides/main.html points Material's `base` at this folder, where this language's index is.
    env.globals["search_root"] = from_config(config).root(current_language(config))
    # overrides/main.html swaps Material's worker for the wrapper that ranks pages holding
    # every typed word first (docs/assets/javascripts/workers/search-rank.js).
    env.globals["search_worker"] = _worker
    return env


# static-i18n (-100) merges every language's entries into one index after the search plugin (0)
# has written it; the default-language build reaches this point last, with the merged index.
@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    languages = from_config(config)
    site_dir = Path(config.site_dir)
    merged_path = site_dir / INDEX
    if is_nested_build(config) or not merged_path.is_file():
        return  # a nested build, or the search plugin is off
    merged = merged_path.read_bytes()
    cache = FileCache(Path(config.config_file_path).parent / ".cache" / "search")
    with _site_errors():
        indexes = shape(merged, languages, cache, str(merged_path))
    sizes = []
    for item in indexes:
        write_bytes_atomic(site_dir / item.root / INDEX, item.data)
        sizes.append(
            f"{item.lang} {len(item.data):,} bytes ({item.entries} entries, "
            f"{item.extra_bytes:,} bytes of {item.extra_name})"
        )
    log.info(f"Search index {len(merged):,} bytes for all languages -> " + ", ".join(sizes))
