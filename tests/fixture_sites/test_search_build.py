"""Search through real builds of fixture sites, and the search hook's failure message."""

from __future__ import annotations

import json
import unicodedata
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from tests.support.sitebuild import load_hook, make_fixture_project, page, run_mkdocs


def read_index(path):
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def nfd_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nfd")
    nfd = unicodedata.normalize("NFD", "Căn cước công dân")
    pages = {
        "index.md": page("Trang chủ"),
        "index.en.md": page("Home", "Content.", "Short description."),
        "can-cuoc.md": page(nfd, unicodedata.normalize("NFD", "Chuẩn bị số căn cước.")),
        "can-cuoc.en.md": page("Citizen identity card", "Have your card ready."),
    }
    config = make_fixture_project(tmp / "project", pages)
    build = run_mkdocs(config, tmp / "site", "https://example.test/sub/", "--strict")
    assert build.returncode == 0, build.log
    return build


def test_text_stored_decomposed_is_indexed_composed_and_folded(nfd_site):
    index = read_index(nfd_site.site_dir / "search" / "search_index.json")
    doc = next(d for d in index["docs"] if d["location"] == "can-cuoc/")
    assert doc["title"] == "Căn cước công dân"
    assert unicodedata.is_normalized("NFC", doc["text"])
    assert doc["title_fold"] == "Can cuoc cong dan"
    assert doc["text_fold"] == "Chuan bi so can cuoc"
    en = read_index(nfd_site.site_dir / "en" / "search" / "search_index.json")
    assert [d["title"] for d in en["docs"] if d["location"] == "can-cuoc/"] == [
        "Citizen identity card"
    ]
    assert "Traceback" not in nfd_site.log
    assert len([x for x in nfd_site.log.splitlines() if "Search index" in x]) == 1


def test_an_index_that_cannot_be_split_stops_the_build_with_a_clear_message(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text('{"docs": "not a list"}')
    config = SimpleNamespace(
        plugins={}, site_dir=str(tmp_path), extra={}, config_file_path=str(tmp_path / "mkdocs.yml")
    )
    search_hook = load_hook("search_hook")
    search_hook.on_config(config)
    with pytest.raises(PluginError, match=r"cannot split the search index.*\nfix: "):
        search_hook.on_post_build(config=config)
