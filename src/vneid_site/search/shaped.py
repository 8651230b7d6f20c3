"""The per-language search indexes of a build, kept between builds: a build whose pages did not
change (a warm build) writes them again without shaping the index anew."""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from vneid_site.atomic_write import write_text_atomic
from vneid_site.i18n.languages import Languages
from vneid_site.search import index


@dataclass(frozen=True)
class Shaped:
    lang: str
    root: str  # folder of the index under site_dir
    data: str  # the encoded index (UTF-8 JSON text)
    entries: int
    extra_bytes: int
    extra_name: str


@functools.cache
def _code() -> str:
    # The shaping code itself: a change to it must not serve an index shaped the old way.
    h = hashlib.sha256()
    for name in ("index.py", "fold.py", "en_stem.py"):
        h.update((Path(__file__).parent / name).read_bytes())
    return h.hexdigest()


def shape(merged: bytes, languages: Languages, cache_dir: Path | None) -> list[Shaped]:
    """One index per language from the merged index's bytes (see index.split_index)."""
    key = hashlib.sha256(merged + "|".join(languages.codes).encode() + _code().encode())
    path = cache_dir / f"{key.hexdigest()}.json" if cache_dir else None
    if path is not None:
        try:
            return [Shaped(**item) for item in json.loads(path.read_text(encoding="utf-8"))]
        except (OSError, ValueError, TypeError):
            pass
    shaped = [
        Shaped(
            item.lang,
            item.root,
            item.data.decode("utf-8"),
            len(item.index["docs"]),
            item.extra_bytes,
            item.extra_name,
        )
        for item in index.split_index(json.loads(merged), languages)
    ]
    if path is not None:
        write_text_atomic(path, json.dumps([asdict(s) for s in shaped], ensure_ascii=False))
    return shaped
