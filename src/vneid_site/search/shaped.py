"""The per-language search indexes of a build, kept between builds: a build whose pages did not
change (a warm build) writes them again without shaping the index anew."""

from __future__ import annotations

import json
from dataclasses import dataclass

from vneid_site.cache import FileCache, code_digest, digest
from vneid_site.i18n.languages import Languages
from vneid_site.search import index


@dataclass(frozen=True)
class Shaped:
    lang: str
    root: str  # folder of the index under site_dir
    data: bytes  # the encoded index (UTF-8 JSON)
    entries: int
    extra_bytes: int
    extra_name: str


def _code() -> str:
    # The shaping code and this file's cache layout: a change to either must not serve an
    # index shaped or stored the old way.
    return code_digest(
        (
            "vneid_site.search.index",
            "vneid_site.search.en_stem",
            "vneid_site.search.shaped",
            "vneid_site.i18n.fold",
        )
    )


def _cached(cache: FileCache, key: str, languages: Languages) -> list[Shaped] | None:
    # Each entry is checked against the hash of its bytes: a damaged one is a miss.
    summary = cache.get(key, ".json")
    if summary is None:
        return None
    shaped = []
    for item in json.loads(summary):
        data = cache.get(key, f".{item['lang']}.json")
        if data is None:
            return None
        shaped.append(Shaped(root=languages.root(item["lang"]), data=data, **item))
    return shaped


def _split(merged: bytes, languages: Languages, shown: str) -> list[index.LanguageIndex]:
    try:
        try:
            data = json.loads(merged)
        except ValueError as err:  # not JSON, or not UTF-8
            raise index.SearchIndexError(f"not JSON ({err})") from None
        return index.split_index(data, languages)
    except index.SearchIndexError as err:
        raise index.SearchIndexError(
            f"{shown}: cannot split the search index by language: {err}\n"
            "fix: check that the 'search' plugin comes before 'i18n' in mkdocs.yml and that no "
            "other plugin rewrites the index"
        ) from None


def shape(
    merged: bytes, languages: Languages, cache: FileCache, shown: str = "search_index.json"
) -> list[Shaped]:
    """One index per language from the merged index's bytes (see index.split_index), the
    file `shown` in messages; a SearchIndexError if it is not the index the search plugin
    writes."""
    key = digest(_code(), merged, *languages.codes)
    if (shaped := _cached(cache, key, languages)) is not None:
        return shaped
    shaped = [
        Shaped(
            item.lang,
            item.root,
            item.data,
            len(item.index["docs"]),
            item.extra_bytes,
            item.extra_name,
        )
        for item in _split(merged, languages, shown)
    ]
    summary = []
    for item in shaped:
        cache.put(key, f".{item.lang}.json", item.data)
        summary.append(
            {
                "lang": item.lang,
                "entries": item.entries,
                "extra_bytes": item.extra_bytes,
                "extra_name": item.extra_name,
            }
        )
    # Written last: the indexes it lists are already in the cache.
    cache.put(key, ".json", json.dumps(summary, ensure_ascii=False).encode("utf-8"))
    return shaped
