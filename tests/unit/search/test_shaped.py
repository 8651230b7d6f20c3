"""Shaped indexes kept between builds: read back whole, never served damaged."""

from __future__ import annotations

import json

from tests.support.sitebuild import ROOT
from vneid_site.cache import FileCache
from vneid_site.i18n.languages import Languages
from vneid_site.search import index, shaped

MERGED = (ROOT / "tests" / "fixtures" / "search" / "merged.json").read_bytes()
LANGUAGES = Languages(("vi", "en"))


def test_a_warm_build_reads_the_indexes_back_without_shaping(tmp_path, monkeypatch):
    cold = shaped.shape(MERGED, LANGUAGES, FileCache(tmp_path))
    assert [(s.lang, s.root) for s in cold] == [("vi", ""), ("en", "en/")]

    def fail(*_):
        raise AssertionError("shaped again")

    monkeypatch.setattr(index, "split_index", fail)
    assert shaped.shape(MERGED, LANGUAGES, FileCache(tmp_path)) == cold


def test_a_damaged_entry_is_shaped_again(tmp_path):
    cold = shaped.shape(MERGED, LANGUAGES, FileCache(tmp_path))
    entries = list(tmp_path.rglob("*.index.json"))
    assert len(entries) == 2
    for entry in entries:
        entry.write_bytes(b'{"docs": []}')
    assert shaped.shape(MERGED, LANGUAGES, FileCache(tmp_path)) == cold


def shaping(monkeypatch) -> list[str]:
    """The languages shaped from now on, in order."""
    done: list[str] = []
    real = index.shape_language

    def record(lang, *args):
        done.append(lang)
        return real(lang, *args)

    monkeypatch.setattr(index, "shape_language", record)
    return done


def test_an_edit_in_one_language_shapes_that_language_alone(tmp_path, monkeypatch):
    cache = FileCache(tmp_path)
    shaped.shape(MERGED, LANGUAGES, cache)
    done = shaping(monkeypatch)
    edited = MERGED.replace(b"Link", b"Lank")  # in English entries only
    after = shaped.shape(edited, LANGUAGES, cache)
    assert done == ["en"]
    assert after == shaped.shape(edited, LANGUAGES, FileCache(tmp_path / "cold"))
    assert b"Lank" in after[1].data and b"Link" not in after[1].data
    # The Vietnamese index read back is the one shaped from these very entries.
    assert after[0] == shaped.shape(MERGED, LANGUAGES, FileCache(tmp_path / "cold-vi"))[0]


def test_other_languages_are_shaped_for_their_own_entries(tmp_path, monkeypatch):
    cache = FileCache(tmp_path)
    shaped.shape(MERGED, LANGUAGES, cache)
    done = shaping(monkeypatch)
    three = shaped.shape(MERGED, Languages(("vi", "en", "fr")), cache)
    assert done == ["fr"]  # no entries, but an index of its own
    assert [(s.lang, s.root, s.entries) for s in three][2] == ("fr", "fr/", 0)


def folding(monkeypatch) -> list[str]:
    """The texts folded from now on."""
    done: list[str] = []
    real = index.folded_words

    def record(text):
        done.append(text)
        return real(text)

    monkeypatch.setattr(index, "folded_words", record)
    return done


def test_an_edit_to_one_vietnamese_page_folds_that_page_alone(tmp_path, monkeypatch):
    cache = FileCache(tmp_path)
    shaped.shape(MERGED, LANGUAGES, cache)
    kept = tmp_path / shaped.FOLDS
    assert kept.is_file()
    done = folding(monkeypatch)
    data = json.loads(MERGED)
    page = next(doc for doc in data["docs"] if doc["location"] == "huong-dan/lien-ket-tai-khoan/")
    page["title"] += " mới"
    edited = json.dumps(data).encode()
    after = shaped.shape(edited, LANGUAGES, cache)
    assert done and all("mới" in text for text in done)
    assert after == shaped.shape(edited, LANGUAGES, FileCache(tmp_path / "cold"))
    # An English edit shapes English alone, and keeps what Vietnamese folded.
    folds = kept.read_bytes()
    shaped.shape(edited.replace(b"Link", b"Lank"), LANGUAGES, cache)
    assert kept.read_bytes() == folds


def test_kept_folds_that_do_not_read_are_folded_again(tmp_path):
    cold = shaped.shape(MERGED, LANGUAGES, FileCache(tmp_path / "cold"))
    (tmp_path / shaped.FOLDS).write_bytes(b"{not json")
    assert shaped.shape(MERGED, LANGUAGES, FileCache(tmp_path)) == cold
