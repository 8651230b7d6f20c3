"""Shaped indexes kept between builds: read back whole, never served damaged."""

from __future__ import annotations

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
    entry = next(tmp_path.rglob("*.en.json"))
    entry.write_bytes(b'{"docs": []}')
    assert shaped.shape(MERGED, LANGUAGES, FileCache(tmp_path)) == cold


def test_other_languages_or_another_index_are_other_entries(tmp_path):
    cache = FileCache(tmp_path)
    shaped.shape(MERGED, LANGUAGES, cache)
    shaped.shape(MERGED, Languages(("vi", "en", "fr")), cache)
    shaped.shape(MERGED.replace(b"Link", b"Lank"), LANGUAGES, cache)
    assert len(list(tmp_path.rglob("*.json.sha256"))) == 3 + 4 + 3
