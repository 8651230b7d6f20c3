from __future__ import annotations

import json

import pytest

from vneid_site import cache as cache_module
from vneid_site.content import sanitised_pages
from vneid_site.content.sanitise import clean_page
from vneid_site.content.sanitised_pages import SanitisedPages

CLEAN = '<h2 id="a">Bước 1</h2>\n<p>Mở <a href="https://dichvucong.gov.vn/">Cổng</a>.</p>'
SOURCE = "## Bước 1\n\nMở [Cổng](https://dichvucong.gov.vn/).\n"
STRIPPED = '<p>Xem <font color="red">đây</font></p>'


def test_a_clean_body_is_sanitised_once_and_then_read_back_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "vi.json"
    first = SanitisedPages(path)
    checked = first.clean_page(CLEAN, SOURCE, "docs/a.md")
    assert checked == clean_page(CLEAN, SOURCE, "docs/a.md") and first.hits == 0
    first.save()

    def never(*_: object) -> None:
        raise AssertionError("sanitised again")

    monkeypatch.setattr(sanitised_pages, "clean_page", never)
    second = SanitisedPages(path)
    assert second.clean_page(CLEAN, SOURCE, "docs/a.md") == checked
    assert second.hits == 1


def test_a_body_that_changed_by_one_character_is_sanitised_again(tmp_path):
    path = tmp_path / "vi.json"
    first = SanitisedPages(path)
    first.clean_page(CLEAN, SOURCE, "docs/a.md")
    first.save()
    # A cache entry cannot stand for another body: the script below is never served.
    evil = CLEAN.replace("</p>", "<script>alert(1)</script></p>")
    second = SanitisedPages(path)
    checked = second.clean_page(evil, SOURCE, "docs/a.md")
    assert second.hits == 0
    assert "<script" not in checked.html and checked.refused


def test_a_page_with_a_problem_is_checked_and_warned_about_on_every_build(tmp_path):
    path = tmp_path / "vi.json"
    for _ in range(2):
        pages = SanitisedPages(path)
        checked = pages.clean_page(STRIPPED, "Xem đây\n", "docs/b.md")
        assert pages.hits == 0 and checked.stripped and "<font" not in checked.html
        pages.save()
    assert not path.exists()  # nothing was clean, so nothing was kept


def test_a_new_policy_makes_every_saved_verdict_stale(tmp_path, monkeypatch):
    path = tmp_path / "vi.json"
    first = SanitisedPages(path)
    first.clean_page(CLEAN, SOURCE, "docs/a.md")
    first.save()
    real = cache_module.installed
    monkeypatch.setattr(
        cache_module, "installed", lambda name: "99" if name == "nh3" else real(name)
    )
    cache_module.code_digest.cache_clear()  # a new nh3, as a new process would see it
    try:
        again = SanitisedPages(path)
        again.clean_page(CLEAN, SOURCE, "docs/a.md")
        assert again.hits == 0
    finally:
        cache_module.code_digest.cache_clear()


def test_only_this_builds_pages_are_kept(tmp_path):
    path = tmp_path / "vi.json"
    first = SanitisedPages(path)
    first.clean_page(CLEAN, SOURCE, "docs/a.md")
    first.clean_page("<p>gone</p>", "gone\n", "docs/gone.md")
    first.save()
    assert len(json.loads(path.read_text(encoding="utf-8"))) == 2
    second = SanitisedPages(path)
    second.clean_page(CLEAN, SOURCE, "docs/a.md")
    second.save()
    assert list(json.loads(path.read_text(encoding="utf-8")).values()) == [
        clean_page(CLEAN, SOURCE, "docs/a.md").html
    ]


@pytest.mark.parametrize("saved", [b"{not json", b"[1, 2]", b'{"k": 3}', b"\xff\xfe"])
def test_an_unreadable_file_is_as_good_as_none(tmp_path, saved):
    path = tmp_path / "vi.json"
    path.write_bytes(saved)
    pages = SanitisedPages(path)
    assert pages.clean_page(CLEAN, SOURCE, "docs/a.md").html
    assert pages.hits == 0
    pages.save()
    assert json.loads(path.read_text(encoding="utf-8"))
