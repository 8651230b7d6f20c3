"""Search index shaping: one lunr index per language, each with the extra words its readers type.

Vietnamese gets folded copies of its accented words; English gets the other word forms of its stems.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vneid_site.errors import SiteError
from vneid_site.i18n.fold import fold
from vneid_site.i18n.languages import Languages

# Material splits both the indexed text and the query on this. Splitting on punctuation as well
# as on spaces lets "vneid" find "(VNeID)" and "lien" find "Liên,"; a dot before a digit stays
# ("0274.1022").
SEPARATOR = r'[\s\-,:;!?()\[\]"/]+|\.(?!\d)'

FOLD_SUFFIX = "_fold"
FORMS_SUFFIX = "_forms"
MIN_FORM = 4  # shortest English word that takes part in word forms
MAX_FORM = 40  # longer "words" (identifiers, addresses) have no word forms
SHAPED_FIELDS = ("title", "text")
# Sections that list the articles a page cites: their titles are other people's words ("cuộc
# gọi" in an article's title made "can cuoc" find the scam page), so they are left out of search.
SOURCE_SECTIONS = frozenset({"nguồn", "sources"})

Doc = dict[str, Any]


class SearchIndexError(SiteError):
    """The search index written by the search plugin is not what this module expects."""


@dataclass(frozen=True)
class Profile:
    """How the index of one language is configured and which extra fields it gets."""

    lang: tuple[str, ...]  # lunr languages the worker loads
    pipeline: tuple[str, ...]  # lunr pipeline steps the worker keeps
    suffix: str = ""  # name suffix of the extra fields ("title_fold")
    extra: Callable[[list[Doc]], list[Doc]] | None = None
    extra_name: str = "extra words"  # what the extra fields hold, for the build log


@dataclass(frozen=True)
class LanguageIndex:
    lang: str
    root: str  # folder of the index under site_dir, "" or "en/"
    index: dict[str, Any]
    data: bytes  # the index encoded, as the site serves it
    extra_bytes: int  # what the extra fields add to the encoded index
    extra_name: str


def encode(index: dict[str, Any]) -> bytes:
    """Compact UTF-8 JSON. Material writes \\u escapes; fetch() decodes UTF-8 JSON the same."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def words(html: str) -> list[str]:
    """The words of an index field as Material's tokenizer cuts them, tags left out."""
    # "[^<>]": a "<" that never closes costs one scan to the next "<", not to the end.
    return [w for w in re.split(SEPARATOR, re.sub(r"<[^<>]*>", " ", html)) if w]


def folded_words(html: str) -> str:
    """The words of `html` that folding changes, folded and in order (so term counts hold)."""
    # Folding keeps every separator, so the words of the folded text pair with the words of
    # the text: one pass over the whole field rather than one per word.
    text = unicodedata.normalize("NFC", html)
    if text.isascii():
        return ""
    pairs = zip(words(text), words(fold(text)), strict=True)
    return " ".join(folded for word, folded in pairs if folded != word)


def add_folded_fields(docs: list[Doc], folded: Callable[[str], str] = folded_words) -> list[Doc]:
    """NFC title and text, plus `title_fold`/`text_fold` where folding changes something;
    `folded` is folded_words, or one that remembers its results between builds."""
    out = []
    for doc in docs:
        doc = dict(doc)
        for field in SHAPED_FIELDS:
            # NFC, so text stored decomposed (NFD) is found by accented queries too.
            doc[field] = unicodedata.normalize("NFC", doc.get(field, ""))
            if extra := folded(doc[field]):
                doc[field + FOLD_SUFFIX] = extra
        out.append(doc)
    return out


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """lunr.js's stem of an English word; a site says the same words on many pages."""
    from vneid_site.search.en_stem import stem as porter  # only when an index is shaped

    return porter(word)


def _english_words(html: str) -> set[str]:
    return {w.lower() for w in words(html)}


def add_word_forms(docs: list[Doc]) -> list[Doc]:
    """`title_forms`/`text_forms`: words elsewhere in the index that share a stem with this doc's.

    Material appends `*` to every query word and lunr skips its stemmer for such words, so a
    query is matched by prefix only: "link" finds "linking" but "linking" never finds "link".
    Listing "linking" beside a text that says "link" gives the stemmer's result at query time.
    """
    present = [
        {field: _english_words(doc.get(field, "")) for field in SHAPED_FIELDS} for doc in docs
    ]
    families: dict[str, set[str]] = defaultdict(set)
    for fields in present:
        for field_words in fields.values():
            for word in field_words:
                # Short words make poor families: "on" and "one" share Porter's stem "on".
                if MIN_FORM <= len(word) <= MAX_FORM and word.isascii() and word.isalpha():
                    families[stem(word)].add(word)
    out = []
    for doc, fields in zip(docs, present, strict=True):
        doc = dict(doc)
        for field, field_words in fields.items():
            forms = set().union(
                *(families.get(stem(w), ()) for w in field_words if len(w) >= MIN_FORM)
            )
            # A form that starts a word already present is found by prefix anyway. Every
            # prefix of every word, once (up to a word's length): linear in the text.
            prefixes = {
                w[:i] for w in field_words for i in range(MIN_FORM, min(len(w), MAX_FORM) + 1)
            }
            extra = sorted(forms - prefixes)
            if extra:
                doc[field + FORMS_SUFFIX] = " ".join(extra)
        out.append(doc)
    return out


PROFILES: dict[str, Profile] = {
    # lunr's base language with every pipeline step removed: Vietnamese syllables need neither
    # the English stop words (they drop "can", which is "căn" typed unaccented) nor a stemmer.
    # Not lunr.vi: it adds a stop-word filter it never registers, and lunr then warns in the
    # console on every page ("Function is not registered with pipeline").
    "vi": Profile(("en",), (), FOLD_SUFFIX, add_folded_fields, "folded words"),
    # Material's English defaults; the stemming happens here, at build time (add_word_forms).
    "en": Profile(("en",), ("stopWordFilter",), FORMS_SUFFIX, add_word_forms, "word forms"),
}


def _profile(lang: str, config: dict[str, Any]) -> Profile:
    if lang in PROFILES:
        return PROFILES[lang]
    known = lang in config.get("lang", [])
    return Profile((lang,) if known else ("en",), tuple(config.get("pipeline", ())))


def is_source_list(doc: Doc) -> bool:
    """A page's "Nguồn" / "Sources" section (a section: its location has an anchor)."""
    title = unicodedata.normalize("NFC", str(doc.get("title", ""))).strip().casefold()
    return "#" in str(doc.get("location", "")) and title in SOURCE_SECTIONS


def split_index(merged: dict[str, Any], languages: Languages) -> list[LanguageIndex]:
    """One index per language from the index mkdocs-static-i18n merged for all of them (see
    group_docs and shape_language)."""
    config, by_lang = group_docs(merged, languages)
    return [shape_language(lang, config, docs, languages) for lang, docs in by_lang.items()]


def group_docs(
    merged: dict[str, Any], languages: Languages
) -> tuple[dict[str, Any], dict[str, list[Doc]]]:
    """The merged index's config, and its entries by language.

    A page belongs to the language whose folder starts its location ("en/..."), or else to the
    default language. Locations become relative to the language's root, where its index lives.
    The pages' lists of sources are left out (is_source_list).
    """
    if not isinstance(merged, dict) or not isinstance(merged.get("docs"), list):
        raise SearchIndexError("the search index has no 'config' and 'docs' entries")
    config, docs = merged.get("config"), merged["docs"]
    if not isinstance(config, dict) or not isinstance(config.get("fields"), dict):
        raise SearchIndexError("the search index has no 'config' with 'fields'")
    by_lang: dict[str, list[Doc]] = {lang: [] for lang in languages.codes}
    for doc in docs:
        location = doc.get("location")
        if not isinstance(location, str):
            raise SearchIndexError(f"a search index entry has no location: {doc!r:.120}")
        lang, path = languages.strip_root(location)
        if not is_source_list(doc):
            by_lang[lang].append({**doc, "location": path})
    return config, by_lang


def shape_language(
    lang: str,
    config: dict[str, Any],
    docs: list[Doc],
    languages: Languages,
    folded: Callable[[str], str] = folded_words,
) -> LanguageIndex:
    """The index of one language: its entries (from group_docs), with the extra fields and the
    pipeline of its profile. It depends on `lang`, `config` and `docs` alone (`folded` gives
    what folded_words does, see add_folded_fields)."""
    profile = _profile(lang, config)
    fields = config["fields"]
    lang_fields = dict(fields)
    if profile.extra is not None:
        # The extra copies weigh what the field they come from weighs, so an unaccented
        # query ranks pages as the accented one does.
        for name in SHAPED_FIELDS:
            if name in fields:
                lang_fields[name + profile.suffix] = fields[name]
    lang_config = {
        **config,
        "lang": list(profile.lang),
        "separator": SEPARATOR,
        "pipeline": list(profile.pipeline),
        "fields": lang_fields,
    }
    plain = {"config": lang_config, "docs": docs}
    if profile.extra is None:
        shaped = plain
    elif profile.extra is add_folded_fields:
        shaped = {**plain, "docs": add_folded_fields(docs, folded)}
    else:
        shaped = {**plain, "docs": profile.extra(docs)}
    data = encode(shaped)
    extra_bytes = _extra_bytes(shaped, profile.suffix)
    return LanguageIndex(lang, languages.root(lang), shaped, data, extra_bytes, profile.extra_name)


def _extra_bytes(index: dict[str, Any], suffix: str) -> int:
    """What the fields named `suffix` add to `index` as encode() writes it: each one's
    `,"name":value` (its dict holds other keys, so a comma always goes with it). Measured
    without encoding the index a second time."""
    if not suffix:
        return 0
    dicts = [index["config"]["fields"], *index["docs"]]
    return sum(
        len(encode(name)) + len(encode(value)) + 2
        for d in dicts
        for name, value in d.items()
        if name.endswith(suffix)
    )
