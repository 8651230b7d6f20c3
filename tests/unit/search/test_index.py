"""Index shaping on small golden indexes: language split, locations, fields, size."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from tests.support.growth import growth
from tests.support.sitebuild import ROOT
from vneid_site.i18n.languages import Languages
from vneid_site.search.index import (
    SEPARATOR,
    SearchIndexError,
    add_folded_fields,
    add_word_forms,
    encode,
    folded_words,
    is_source_list,
    split_index,
    words,
)

FIXTURES = ROOT / "tests" / "fixtures" / "search"


def load(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture
def indexes() -> dict:
    return {item.lang: item for item in split_index(load("merged.json"), Languages(("vi", "en")))}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_split_matches_the_golden_index(indexes, lang):
    assert indexes[lang].index == load(f"{lang}.json")


def test_each_language_keeps_only_its_pages_with_locations_from_its_root(indexes):
    merged = load("merged.json")["docs"]
    vi, en = indexes["vi"], indexes["en"]
    assert (vi.root, en.root) == ("", "en/")
    # Every page and section but the lists of sources ("Nguồn", "Sources").
    assert [d["location"] for d in vi.index["docs"]] == [
        d["location"]
        for d in merged
        if not d["location"].startswith("en/") and not d["location"].endswith("#nguon")
    ]
    assert [d["location"] for d in en.index["docs"]] == [
        d["location"].removeprefix("en/")
        for d in merged
        if d["location"].startswith("en/") and not d["location"].endswith("#sources")
    ]
    assert not any("Liên" in d["title"] for d in en.index["docs"])
    assert not any("Link" in d["title"] for d in vi.index["docs"])


def test_vietnamese_config_has_no_english_pipeline_and_weights_folded_copies_alike(indexes):
    config = indexes["vi"].index["config"]
    # No lunr.vi (it warns in the console), no English stemmer or stop words.
    assert config["lang"] == ["en"]
    assert config["pipeline"] == []
    assert config["separator"] == SEPARATOR
    fields = config["fields"]
    assert fields["title_fold"] == fields["title"] == {"boost": 1000.0}
    assert fields["text_fold"] == fields["text"] == {"boost": 1.0}
    assert fields["tags"] == {"boost": 1000000.0}


def test_english_config_keeps_the_english_pipeline_and_declares_word_forms(indexes):
    config = indexes["en"].index["config"]
    assert config["lang"] == ["en"]
    assert config["pipeline"] == ["stopWordFilter"]
    assert config["fields"]["title_forms"] == {"boost": 1000.0}
    assert config["fields"]["text_forms"] == {"boost": 1.0}
    assert not any(name.endswith("_fold") for name in config["fields"])


def test_folded_copies_only_where_folding_changes_something(indexes):
    docs = {d["location"]: d for d in indexes["vi"].index["docs"]}
    link = docs["huong-dan/lien-ket-tai-khoan/"]
    assert link["title_fold"] == "Lien ket tai khoan voi"  # "VNeID" is already plain
    assert link["text_fold"] == "Hay lien ket tai khoan cu ten dang nhap voi Goi"
    assert "huong-dan/lien-ket-tai-khoan/#nguon" not in docs  # the list of sources
    assert "title_fold" not in docs["vneid/"] and "text_fold" not in docs["vneid/"]


def test_decomposed_text_is_stored_composed_and_folded():
    title = unicodedata.normalize("NFD", "Căn cước công dân")
    [doc] = add_folded_fields([{"location": "x/", "title": title, "text": ""}])
    assert doc["title"] == "Căn cước công dân"
    assert unicodedata.is_normalized("NFC", doc["title"])
    assert doc["title_fold"] == "Can cuoc cong dan"


def test_english_pages_get_the_forms_other_pages_use_for_their_stems(indexes):
    docs = {d["location"]: d for d in indexes["en"].index["docs"]}
    # "Link" in the title: "linking" and "linked" appear elsewhere, so they are listed.
    assert docs["huong-dan/lien-ket-tai-khoan/"]["title_forms"] == "accounts linked linking"
    # The text already has "linking" and "linked": nothing to add.
    assert "text_forms" not in docs["huong-dan/lien-ket-tai-khoan/"]
    assert "huong-dan/lien-ket-tai-khoan/#sources" not in docs


@pytest.mark.parametrize(
    "doc,dropped",
    [
        ({"location": "a/#nguon", "title": "Nguồn"}, True),
        ({"location": "a/#sources", "title": " Sources "}, True),
        ({"location": "a/#x", "title": unicodedata.normalize("NFD", "Nguồn")}, True),
        ({"location": "nguon/", "title": "Nguồn"}, False),  # a page of that name stays
        ({"location": "a/#nguon-von", "title": "Nguồn vốn"}, False),
    ],
)
def test_lists_of_sources_are_left_out_of_search(doc, dropped):
    assert is_source_list(doc) is dropped


def test_word_forms_skip_short_words_and_forms_found_by_prefix():
    docs = [
        {"location": "a/", "title": "On one page", "text": "<p>log logging</p>"},
        {"location": "b/", "title": "News", "text": "<p>new</p>"},
        {"location": "c/", "title": "Linking", "text": "<p>link</p>"},
    ]
    out = {d["location"]: d for d in add_word_forms(docs)}
    assert "title_forms" not in out["a/"]  # "on" and "one" share Porter's stem "on"
    assert "title_forms" not in out["b/"]
    assert out["c/"]["text_forms"] == "linking"
    assert "title_forms" not in out["c/"]  # "link" is found by "link*" in "linking"


def test_words_split_like_material_with_punctuation():
    assert words("<p>Hãy liên kết (VNeID), gọi 0274.1022.</p>") == [
        "Hãy",
        "liên",
        "kết",
        "VNeID",
        "gọi",
        "0274.1022",
    ]
    assert re.split(SEPARATOR, "dichvucong.gov.vn/p") == ["dichvucong", "gov", "vn", "p"]
    assert folded_words("<p>Đăng ký <b>VNeID</b> mức 2</p>") == "Dang ky muc"


def test_other_languages_keep_the_original_pipeline():
    merged = load("merged.json")
    merged["docs"].append({"location": "fr/", "title": "Accueil", "text": "<p>Bonjour</p>"})
    by_lang = {i.lang: i for i in split_index(merged, Languages(("vi", "en", "fr")))}
    fr = by_lang["fr"].index
    assert fr["config"]["lang"] == ["en"]  # not in the merged config: lunr has nothing to load
    assert fr["config"]["pipeline"] == ["stopWordFilter"]
    assert [d["location"] for d in fr["docs"]] == [""]
    assert by_lang["fr"].extra_bytes == 0


def test_folded_copies_do_not_more_than_double_the_index(indexes):
    vi = indexes["vi"]
    size = len(encode(vi.index))
    assert 0 < vi.extra_bytes <= size - vi.extra_bytes
    assert indexes["en"].extra_bytes <= len(encode(indexes["en"].index)) - indexes["en"].extra_bytes


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_extra_bytes_are_what_the_index_loses_without_its_extra_fields(indexes, lang):
    item = indexes[lang]
    suffix = "_fold" if lang == "vi" else "_forms"
    docs = [{k: v for k, v in d.items() if not k.endswith(suffix)} for d in item.index["docs"]]
    config = dict(item.index["config"])
    config["fields"] = {k: v for k, v in config["fields"].items() if not k.endswith(suffix)}
    plain = encode({"config": config, "docs": docs})
    assert item.extra_bytes == len(item.data) - len(plain) > 0


def test_encoded_index_is_compact_utf8_and_smaller_than_materials_escapes(indexes):
    data = encode(indexes["vi"].index)
    assert all(item.data == encode(item.index) for item in indexes.values())  # what is written
    assert "Liên kết".encode() in data
    assert b"\\u" not in data
    assert json.loads(data) == indexes["vi"].index
    vi_docs = {**load("merged.json"), "docs": indexes["vi"].index["docs"]}
    assert len(data) < len(json.dumps(vi_docs, separators=(",", ":")))


def test_each_index_lives_at_its_language_root(indexes):
    assert (indexes["vi"].root, indexes["en"].root) == ("", "en/")


@pytest.mark.parametrize(
    "merged,message",
    [
        ({"docs": []}, "config"),
        ({"config": {"lang": ["vi"]}, "docs": []}, "fields"),
        ({"config": {"fields": {}}, "docs": [{"title": "x"}]}, "no location"),
        ({"config": {"fields": {}}}, "docs"),
        ([], "docs"),
    ],
)
def test_unexpected_index_shapes_raise_a_clear_error(merged, message):
    with pytest.raises(SearchIndexError, match=message):
        split_index(merged, Languages(("vi", "en")))


def made_up_words(n: int) -> str:
    """n different English-looking words in families of forms ("bakoed", "bakoing", ...)."""
    stems = [f"{a}{b}{c}" for a in "bcdfg" for b in "aeiou" for c in "klmnprst"]
    forms = ("", "s", "ed", "ing", "er")
    found = [f"{stems[i // 5 % len(stems)]}{'x' * (i // 1000)}{forms[i % 5]}" for i in range(n)]
    return " ".join(found)


def test_word_forms_cost_linear_time():
    def shape(text: str) -> None:
        add_word_forms([{"location": "a/", "title": "T", "text": text}])

    small, large = made_up_words(3_000), made_up_words(12_000)
    assert len(set(large.split())) == 12_000
    assert growth(shape, small, large) < 8


def test_tags_that_never_close_cost_linear_time():
    assert words("a <b c> d < e") == ["a", "d", "<", "e"]
    assert growth(words, "x <" * 20_000, "x <" * 80_000) < 8
