"""The built site's search files: one index per language, each page pointed at its own."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

from tests.support.htmltext import html_pages, soup
from tests.support.real_docs import EN_TITLES, VI_TITLES
from vneid_site.search.index import encode


def read_index(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_each_language_has_its_own_index_with_only_its_pages(site):
    vi = read_index(site.dir / "search" / "search_index.json")
    en = read_index(site.dir / "en" / "search" / "search_index.json")
    vi_titles = {d["title"] for d in vi["docs"]}
    en_titles = {d["title"] for d in en["docs"]}
    assert set(VI_TITLES.values()) <= vi_titles
    assert set(EN_TITLES.values()) <= en_titles
    assert not vi_titles & set(EN_TITLES.values())
    assert not en_titles & set(VI_TITLES.values())
    assert not any(d["location"].startswith("en/") for d in vi["docs"] + en["docs"])
    # Every location is a page of its language, relative to that language's root.
    for root, index in (("", vi), ("en/", en)):
        for doc in index["docs"]:
            target = site.dir / root / doc["location"].split("#")[0] / "index.html"
            assert target.is_file(), doc["location"]


def test_vietnamese_index_is_folded_and_english_index_has_word_forms(site):
    vi = read_index(site.dir / "search" / "search_index.json")
    en = read_index(site.dir / "en" / "search" / "search_index.json")
    assert vi["config"]["pipeline"] == [] and vi["config"]["lang"] == ["en"]
    assert en["config"]["pipeline"] == ["stopWordFilter"]
    link = next(d for d in vi["docs"] if d["location"] == "huong-dan/lien-ket-tai-khoan/")
    # Only the words that change when folded: "gia" and "VNeID" are plain already.
    assert (
        link["title_fold"]
        == "Da co tai khoan Cong Dich vu cong quoc tu truoc con phai lien ket khong"
    )
    link_en = next(d for d in en["docs"] if d["location"] == "huong-dan/lien-ket-tai-khoan/")
    assert "linking" in link_en["title_forms"].split()


def test_folded_copies_do_not_more_than_double_the_index_and_sizes_are_logged(site):
    line = next(x for x in site.build.log.splitlines() if "Search index" in x)
    sizes = {}
    for lang, root in (("vi", ""), ("en", "en/")):
        path = site.dir / root / "search" / "search_index.json"
        index = read_index(path)
        suffix = "_fold" if lang == "vi" else "_forms"
        plain = {
            "config": index["config"],
            "docs": [{k: v for k, v in d.items() if not k.endswith(suffix)} for d in index["docs"]],
        }
        total = path.stat().st_size
        assert total == len(encode(index))
        assert total <= 2 * len(encode(plain))
        sizes[lang] = total
        assert re.search(rf"\b{lang} {total:,} bytes", line), line
    # Against the single index Material wrote for both languages, too.
    before = int(re.search(r"index ([\d,]+) bytes", line)[1].replace(",", ""))
    assert sizes["vi"] + sizes["en"] <= 2 * before


def test_pages_point_material_at_their_language_root(site):
    for path in html_pages(site.dir):
        script = soup(path).select_one("#__config")
        if script is None:
            continue
        rel = path.relative_to(site.dir).as_posix()
        url = urljoin(site.url, rel)
        base = urljoin(url, json.loads(script.string)["base"])
        expected = site.url + ("en/" if rel.startswith("en/") else "")
        assert base.rstrip("/") + "/" == expected, rel


def test_no_lunr_language_scripts_are_needed(site):
    for root in ("", "en/"):
        config = read_index(site.dir / root / "search" / "search_index.json")["config"]
        # "en" is lunr's built-in language: the worker loads no extra script for it.
        assert config["lang"] == ["en"]
