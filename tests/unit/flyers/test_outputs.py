"""A page's files (flyers/outputs.py): their cache keys from the page's data alone, a builder
that makes only what a page lacks, and the files placed beside the page."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.support.flyer_build import ORG, SITE_URL, Page, count_compiles, render_settings
from tests.support.pdfcheck import decode_qr, svg_to_image
from vneid_site.cache import FileCache
from vneid_site.flyers.content import extract
from vneid_site.flyers.outputs import PREVIEWS, PageJob, PageOutputBuilder, page_keys, qr_base_key
from vneid_site.flyers.paths import output_paths
from vneid_site.flyers.render import FlyerError
from vneid_site.flyers.rules import PrintRules

PAGE = Page("Đăng ký tài khoản")


def content(page: Page = PAGE, url: str = SITE_URL + "huong-dan/a/"):
    return extract(html=page.html, meta=page.meta, lang="vi", page_url=url, src="docs/a.md")


def keys(page: Page = PAGE, **kw):
    args = {
        "flyer": True,
        "base": True,
        "org": ORG,
        "rules": PrintRules(),
        "flyer_key": "template",
        "qr_key": qr_base_key(),
    }
    url = kw.pop("url", SITE_URL + "huong-dan/a/")
    return page_keys(content(page, url), **{**args, **kw})


def test_keys_follow_what_each_file_shows_and_nothing_else():
    base = keys()
    assert keys() == base  # the same page, the same keys: no Typst, no clock
    note = keys(replace(PAGE, note="Mang theo căn cước."))
    # The note is on the flyer, not the posters; the QR code is the address's alone.
    assert note.qr == base.qr and note.posters == base.posters
    assert note.flyer != base.flyer and note.base != base.base
    summary = keys(replace(PAGE, summary="Khác."))
    assert all(a.key != b.key for a, b in zip(summary.posters, base.posters, strict=True))
    moved = keys(url=SITE_URL + "huong-dan/b/")
    assert moved.qr != base.qr and moved.flyer != base.flyer
    template = keys(flyer_key="other")
    assert template.qr == base.qr and template.flyer != base.flyer
    assert all(a.key != b.key for a, b in zip(template.posters, base.posters, strict=True))
    org = keys(org={**ORG, "hotline": "1900 0000"})
    assert org.flyer != base.flyer and org.qr == base.qr


def test_without_offices_there_is_no_page_without_its_box_and_without_a_flyer_only_a_qr():
    alone = keys(base=False)
    assert alone.flyer == keys().flyer and alone.base is None
    assert all(poster.base is None for poster in alone.posters)
    assert len(keys().entries()) == 2 + 2 + len(PREVIEWS) + 1 + 2 * 2
    none = keys(flyer=False)
    assert none.flyer is None and none.posters == ()
    assert none.entries() == [(none.qr, ".svg"), (none.qr, ".png")]


@pytest.fixture
def builder(tmp_path):
    return PageOutputBuilder(render_settings(), FileCache(tmp_path / "cache"), "template")


def job(site, page_keys, page=PAGE) -> PageJob:
    return PageJob(content(page), "huong-dan/a/", "docs/huong-dan/a.md", site, page_keys)


def placed(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.*"))


def test_a_builder_makes_only_what_a_page_lacks(builder, tmp_path, monkeypatch):
    site = tmp_path / "site"
    compiles = count_compiles(monkeypatch)
    page = keys()
    assert builder.missing(page)
    record = builder.build(job(site, page), ORG)
    assert record.fresh and not builder.missing(page)
    # The flyer (PDF, preview), the page without its box, two posters and their bare copies.
    assert sorted((c.entry, c.fmt) for c in compiles) == [
        ("main.typ", "pdf"), ("main.typ", "pdf"), ("main.typ", "png"),
        *[("poster.typ", "pdf")] * 4,
    ]  # fmt: skip
    paths = output_paths("huong-dan/a/")
    assert placed(site) == sorted(vars(paths).values())
    assert record.pdf_bytes == (site / paths.flyer_pdf).stat().st_size > 0
    assert 11 <= record.body_size <= 15 and record.base_key == page.base
    # One poster lost from the cache: only it is made again.
    builder.cache.path(page.posters[1].key, ".pdf").unlink()
    compiles.clear()
    again = builder.build(job(site, page), ORG)
    assert [(c.entry, c.data["paper"]) for c in compiles] == [("poster.typ", "a3")]
    assert again.fresh and not builder.missing(page)
    # Nothing lost: nothing made, the same record.
    compiles.clear()
    assert builder.build(job(site, page), ORG) == replace(again, fresh=False)
    assert compiles == []


def test_whether_a_page_lacks_a_file_is_answered_without_reading_it(builder, tmp_path):
    page = keys()
    record = builder.build(job(tmp_path / "site", page), ORG)
    index = FileCache(builder.cache.root)
    builder.cache.save_index()

    def no_reading(*_):
        raise AssertionError("a cache entry was read")

    index.get = no_reading  # type: ignore[method-assign]
    fresh = PageOutputBuilder(builder.settings, index, "template")
    assert not fresh.missing(page) and fresh.can_place(record, base=True)


def test_a_record_is_placed_only_while_all_its_entries_are_whole(builder, tmp_path):
    page = keys()
    record = builder.build(job(tmp_path / "site", page), ORG)
    assert builder.can_place(record, base=True)
    # Made before the site had offices: no page without its box for their packs.
    assert not builder.can_place(replace(record, base_key=None), base=True)
    assert builder.can_place(replace(record, base_key=None), base=False)
    assert not builder.can_place(replace(record, posters=record.posters[:1]), base=False)
    builder.cache.path(page.flyer, PREVIEWS[1]).write_bytes(b"not a png")
    assert not builder.can_place(record, base=False)


def test_a_page_without_a_flyer_gets_its_qr_code_and_no_typst_work(builder, tmp_path, monkeypatch):
    compiles = count_compiles(monkeypatch)
    site = tmp_path / "site"
    record = builder.build(job(site, keys(flyer=False)), ORG)
    assert compiles == [] and record.flyer_key is None and record.posters == ()
    assert placed(site) == ["huong-dan/a/qr.png", "huong-dan/a/qr.svg"]
    codes = decode_qr(svg_to_image((site / "huong-dan/a/qr.svg").read_bytes()))
    assert [code.text for code in codes] == [SITE_URL + "huong-dan/a/"]


def test_a_flyer_entry_removed_mid_build_is_a_clear_error(builder, tmp_path):
    page = keys()
    builder.build(job(tmp_path / "site", page), ORG)
    builder.cache.path(page.flyer, ".body").unlink()
    with pytest.raises(FlyerError, match=r"^docs/huong-dan/a\.md: the flyer's cache entry was"):
        builder.record(job(tmp_path / "site", page), fresh=False)
