"""Making a job's packs (flyers/pack_files.py): placed from the cache when every pack is there,
else only the missing ones made, from the flyers' own PDFs and the pages Typst lays out once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.support.flyer_build import FakePool, Page, Site, count_compiles, office, render_settings
from tests.support.pdfcheck import pdf_text
from vneid_site.cache import FileCache
from vneid_site.flyers.outputs import PageOutputBuilder
from vneid_site.flyers.pack_files import make_packs, office_flyers, packs_in_cache
from vneid_site.flyers.packs import PackJob, PackSpec, plan_packs
from vneid_site.flyers.records import FlyerRecord, in_order
from vneid_site.flyers.render import FlyerError

SITE = Site({f"{c}.md": Page(f"Trang {c.upper()}") for c in "abc"}, [office(1)])
NAMES = ("print-pack-vi-a4", "print-pack-vi-a5x2", "poster-pack-vi-a4", "poster-pack-vi-a3")


@pytest.fixture
def made(tmp_path: Path) -> tuple[PageOutputBuilder, list[FlyerRecord], Path]:
    """A builder of this process, the flyers of a built site, and its folder."""
    site = tmp_path / "site"
    build = SITE.start(tmp_path / "cache", site, FakePool())
    build.finish()
    records = in_order(build.records.items(), build.order)
    return build.builder, [replace(r, fresh=False) for r in records], site


def job(site: Path, records: list[FlyerRecord], n: int | None = 2) -> PackJob:
    spec = PackSpec("vi", "Hướng dẫn VNeID", "Sở", site)
    contact = office(n).contact("vi") if n else None
    return PackJob(spec, tuple(records), office=contact, src=f"offices.csv:{n}")


def test_packs_are_placed_from_the_cache_only_when_all_are_there(made, monkeypatch):
    builder, records, site = made
    new = job(site, records)  # an office added to the list
    assert packs_in_cache(builder, new) is None
    first = make_packs(builder, new)
    paths = [f"assets/flyers/offices/phuong-2/{name}.pdf" for name in NAMES]
    assert [(p.path, made) for p, made in first.packs] == [(path, True) for path in paths]
    again = packs_in_cache(builder, new)
    assert again is not None and [(p, m) for p, m in again.packs] == [
        (p, False) for p, _ in first.packs
    ]
    # One pack lost: the job is work again, and only that pack is made.
    lost = plan_packs(new, builder.flyer_key).packs[3]
    assert lost.path == paths[3]
    builder.cache.path(lost.key, ".pdf").unlink()
    assert packs_in_cache(builder, new) is None
    compiles = count_compiles(monkeypatch)
    mended = make_packs(builder, new)
    assert [p.path for p, made in mended.packs if made] == [lost.path]
    assert compiles == []  # the contents and the office's box were in the cache


def test_the_contents_are_laid_out_once_for_every_office_and_a_box_once_an_office(
    made, monkeypatch
):
    builder, records, site = made
    compiles = count_compiles(monkeypatch)
    make_packs(builder, job(site, records, 2))
    make_packs(builder, job(site, records, 3))
    laid_out = [("packs" in c.data, c.data.get("office", {}).get("id")) for c in compiles]
    assert laid_out == [(True, None), (False, "phuong-2"), (False, "phuong-3")]
    assert all(c.entry == "pack.typ" for c in compiles)
    assert compiles[1].src == "offices.csv:2 (phuong-2, vi)"


def test_a_pack_holds_its_contents_then_each_flyer_with_the_office_s_box(made):
    builder, records, site = made
    result = make_packs(builder, job(site, records))
    by_name = {Path(p.path).stem: site / p.path for p, _ in result.packs}
    a4 = PdfReader(by_name["print-pack-vi-a4"])
    assert len(a4.pages) == 1 + 3
    assert a4.metadata.title.endswith("— Công an phường 2")
    contents = pdf_text(a4, 0)
    assert all(title in contents for title in ("Trang A", "Trang B", "Trang C"))
    assert "Công an phường 2" in contents and "2 Đường Lê Lợi" in contents
    for n in (1, 2, 3):
        assert "Công an phường 2" in pdf_text(a4, n)  # the box laid over the flyer
    # Two flyers to a landscape sheet, when their type stays legible at A5.
    assert all(r.body_size * 148.5 / 210 >= 10 for r in records)
    a5 = PdfReader(by_name["print-pack-vi-a5x2"])
    sheets = a5.pages[1:]
    assert len(sheets) == 2 and all(s.mediabox.width > s.mediabox.height for s in sheets)
    a3 = PdfReader(by_name["poster-pack-vi-a3"])
    assert round(float(a3.pages[-1].mediabox.height)) == 1191  # A3 portrait


def test_a_flyer_missing_from_the_cache_names_the_pack_and_writes_nothing(made, tmp_path):
    builder, records, site = made
    builder.cache.path(records[1].base_key, ".pdf").unlink()
    # A new process: nothing of the flyers kept in memory.
    fresh = PageOutputBuilder(render_settings(), FileCache(builder.cache.root), builder.flyer_key)
    office_job = job(site, records)
    with pytest.raises(FlyerError) as caught:
        make_packs(fresh, office_job)
    message = str(caught.value)
    assert message.startswith("print pack assets/flyers/offices/phuong-2/print-pack-vi-a4.pdf:")
    assert "missing or damaged" in message and "fix: build again" in message
    # Its contents and box were laid out; no pack was made, and no file is left half written.
    plan = plan_packs(office_job, fresh.flyer_key)
    assert all(fresh.cache.valid(key, ".pdf") for key in (plan.contents_key, plan.boxes_key))
    assert not any(fresh.cache.path(pack.key, ".pdf").exists() for pack in plan.packs)
    assert [p for p in tmp_path.rglob(".*") if p.is_file()] == []
    assert not (site / "assets/flyers/offices/phuong-2").exists()


def test_office_flyers_are_new_with_their_page_or_their_office_s_box(made):
    _, records, site = made
    assert office_flyers(job(site, records, None), boxes_built=True) == (0, 0)  # the site's
    assert office_flyers(job(site, records), boxes_built=False) == (0, 3)
    one_new = [replace(records[0], fresh=True), *records[1:]]
    assert office_flyers(job(site, one_new), boxes_built=False) == (1, 2)
    assert office_flyers(job(site, records), boxes_built=True) == (3, 0)
