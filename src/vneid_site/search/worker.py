"""Material's search worker, wrapped: docs/assets/javascripts/workers/search-rank.js loads it and
puts pages that hold every typed word first. This finds the worker file the wrapper loads."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

WORKERS = Path("assets") / "javascripts" / "workers"
WRAPPER = "search-rank.js"
_MATERIAL_WORKER = re.compile(r"search\.[0-9a-f]+\.min\.js")


def material_worker(theme_dirs: Iterable[str | Path]) -> str | None:
    """File name of Material's search worker in the first theme folder that has one."""
    for folder in theme_dirs:
        found = sorted(
            path.name
            for path in (Path(folder) / WORKERS).glob("search.*.min.js")
            if _MATERIAL_WORKER.fullmatch(path.name)
        )
        if found:
            return found[0]
    return None


def wrapped(worker: str) -> str:
    """What the page's config names instead of `worker`: the wrapper, told which file to load."""
    return f"{WRAPPER}?material={worker}"
