"""The per-language search indexes of a build, kept between builds: a build whose pages did not
change (a warm build) writes them again without shaping the index anew."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from vneid_site.cache import FileCache, KeptResults, code_digest, digest
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


# The folded words of each field of the last shaped index, by a digest of the field's text: an
# edit to one page folds that page's fields alone (folding is most of the time shaping takes).
FOLDS = "search-folds.json"


class KeptFolds:
    """index.folded_words, remembering its results between builds (cache.KeptResults); read
    when a language that folds is shaped, and saved only then."""

    def __init__(self, cache: FileCache) -> None:
        self.path = cache.root / FOLDS
        self.results: KeptResults | None = None

    def __call__(self, text: str) -> str:
        if self.results is None:
            self.results = KeptResults(self.path, _code())
        key = self.results.key(text)
        folded = self.results.get(key)
        if folded is None:
            folded = index.folded_words(text)
            self.results.keep(key, folded)
        return folded

    def save(self) -> None:
        if self.results is not None:
            self.results.save()


def _read_language(cache: FileCache, key: str, lang: str, languages: Languages) -> Shaped | None:
    # Each entry is checked against the hash of its bytes: a damaged one is a miss.
    summary, data = cache.get(key, ".json"), cache.get(key, ".index.json")
    if summary is None or data is None:
        return None
    try:
        item = json.loads(summary)
        return Shaped(lang, languages.root(lang), data, **item)
    except (ValueError, TypeError):
        return None


def _read_all(cache: FileCache, key: str, languages: Languages) -> list[Shaped] | None:
    listed = cache.get(key, ".json")
    if listed is None:
        return None
    shaped = []
    try:
        for lang, lang_key in json.loads(listed):
            if (item := _read_language(cache, lang_key, lang, languages)) is None:
                return None
            shaped.append(item)
    except (ValueError, TypeError):
        return None
    return shaped


def _group(
    merged: bytes, languages: Languages, shown: str
) -> tuple[dict[str, Any], dict[str, list[index.Doc]]]:
    try:
        try:
            data = json.loads(merged)
        except ValueError as err:  # not JSON, or not UTF-8
            raise index.SearchIndexError(f"not JSON ({err})") from None
        return index.group_docs(data, languages)
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
    writes. A language whose entries did not change is not shaped again: an edit to one
    language's page leaves the other's index as it was."""
    key = digest(_code(), merged, *languages.codes)
    if (shaped := _read_all(cache, key, languages)) is not None:
        return shaped
    config, by_lang = _group(merged, languages, shown)
    folds = KeptFolds(cache)
    shaped, listed = [], []
    for lang, docs in by_lang.items():
        lang_key = digest(_code(), lang, index.encode({"config": config, "docs": docs}))
        item = _read_language(cache, lang_key, lang, languages)
        if item is None:
            made = index.shape_language(lang, config, docs, languages, folds)
            item = Shaped(lang, made.root, made.data, len(docs), made.extra_bytes, made.extra_name)
            cache.put(lang_key, ".index.json", item.data)
            summary = {
                "entries": item.entries,
                "extra_bytes": item.extra_bytes,
                "extra_name": item.extra_name,
            }
            # Written last: the index it describes is already in the cache.
            cache.put(lang_key, ".json", json.dumps(summary, ensure_ascii=False).encode())
        shaped.append(item)
        listed.append((lang, lang_key))
    cache.put(key, ".json", json.dumps(listed).encode("utf-8"))
    folds.save()
    return shaped
