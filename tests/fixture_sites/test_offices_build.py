"""Each office's own print packs, through real builds of a fixture site with an offices file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.support.offices import csv_text, pages
from tests.support.pdfcheck import A4_PT, decode_qr, pdf_text, render_page
from tests.support.sitebuild import STEPS, assert_refused, make_fixture_project, page, run_mkdocs

URL = "https://example.test/sub/"
# Test data only: no real office, address or number.
OFFICES = {
    "phuong-5": ("Bộ phận Một cửa Phường 5", "One-stop counter, Ward 5", "Số 1, đường Thử",
                 "0000 000 005", "Thứ Hai–Thứ Sáu"),
    "xa-thu": ('Xã "Thử" #set $x$ <b>', "", "Ấp 3\nxã Thử", "0000 000 006", ""),
    "phuong-7": ("Trung tâm Phục vụ hành chính công Phường 7", "", "", "0000 000 007", ""),
}  # fmt: skip


def project(tmp: Path, offices: dict[str, tuple[str, ...]]) -> Path:
    config = make_fixture_project(
        tmp / "project", pages(), "extra:\n  flyers:\n    offices: offices.csv\n"
    )
    (config.parent / "offices.csv").write_text(csv_text(offices), encoding="utf-8")
    return config


def counts(log: str, lang: str) -> tuple[int, int, int]:
    found = re.findall(
        rf"office flyers: (\d+) built, (\d+) from cache; office packs: (\d+) built \({lang}\)", log
    )
    assert found, log
    return tuple(int(n) for n in found[-1])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("offices")
    config = project(tmp, OFFICES)
    result = run_mkdocs(config, tmp / "site", URL, "--strict")
    assert result.returncode == 0, result.log
    return config, result


LANGS = ("en", "vi")


def test_each_office_gets_an_a4_and_an_a5_pack_per_language(built):
    _, result = built
    offices = result.site_dir / "assets" / "flyers" / "offices"
    for office_id in OFFICES:
        names = sorted(p.name for p in (offices / office_id).iterdir())
        # Flyer packs (A4, A5 two-up) and large-print poster packs (A4, A3).
        assert names == sorted(
            [f"print-pack-{lang}-{layout}.pdf" for lang in LANGS for layout in ("a4", "a5x2")]
            + [f"poster-pack-{lang}-{paper}.pdf" for lang in LANGS for paper in ("a4", "a3")]
        )
    assert counts(result.log, "vi") == (3 * 3, 0, 3 * 4)  # 3 offices x 3 pages; 4 packs each
    # The site-wide packs are still there, with the organisation's contact box.
    assert (result.site_dir / "assets" / "flyers" / "print-pack-vi-a4.pdf").is_file()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_pack_page_is_a4_and_carries_the_office_and_qr_codes_of_its_pages(built, lang):
    _, result = built
    for office_id, (name, name_en, address, phone, _hours) in OFFICES.items():
        shown = (name_en if lang == "en" else "") or name
        for layout in ("a4", "a5x2"):
            path = (
                result.site_dir
                / f"assets/flyers/offices/{office_id}/print-pack-{lang}-{layout}.pdf"
            )
            reader = PdfReader(path)
            for number, sheet in enumerate(reader.pages):
                size = sorted((float(sheet.mediabox.width), float(sheet.mediabox.height)))
                assert abs(size[0] - A4_PT[0]) < 1 and abs(size[1] - A4_PT[1]) < 1
                text = pdf_text(reader, number)
                assert shown in text, (office_id, layout, number, text[:300])
                assert phone in text, (office_id, layout, number)
            if layout == "a4":
                # Contents, then the flyers of a, b and home, in navigation order.
                assert len(reader.pages) == 4
                site = f"{URL}{'en/' if lang == 'en' else ''}"
                for number, page_url in enumerate([f"{site}a/", f"{site}b/", site], start=1):
                    codes = decode_qr(render_page(path.read_bytes(), 100, number))
                    assert [c.text for c in codes] == [page_url]
                    flyer = pdf_text(reader, number)
                    # The office's box replaces the organisation's, which is not hidden under it.
                    assert "1022" not in flyer and (address.split("\n")[0] in flyer)


@pytest.mark.parametrize("paper,size", [("a4", (595.28, 841.89)), ("a3", (841.89, 1190.55))])
def test_every_office_poster_carries_the_office_s_box_and_its_page_s_code(built, paper, size):
    _, result = built
    help_line = "Tài khoản VNeID: hỏi Công an xã, phường"  # the organisation's, under the box
    for office_id, (name, _name_en, _address, phone, _hours) in OFFICES.items():
        path = result.site_dir / f"assets/flyers/offices/{office_id}/poster-pack-vi-{paper}.pdf"
        reader = PdfReader(path)
        assert len(reader.pages) == 4  # contents, then the posters of a, b and home
        assert name in pdf_text(reader, 0)
        for number, page_url in enumerate([f"{URL}a/", f"{URL}b/", URL], start=1):
            box = reader.pages[number].mediabox
            assert abs(float(box.width) - size[0]) < 1 and abs(float(box.height) - size[1]) < 1
            text = pdf_text(reader, number)
            assert name in text and phone in text and help_line not in text, (office_id, text)
            codes = decode_qr(render_page(path.read_bytes(), 60, number), 60)
            assert [c.text for c in codes] == [page_url]


def test_markup_characters_in_the_offices_file_print_literally(built):
    _, result = built
    path = result.site_dir / "assets/flyers/offices/xa-thu/print-pack-vi-a4.pdf"
    text = pdf_text(path, 1)
    assert 'Xã "Thử" #set $x$ <b>' in text


def test_the_flyers_page_lists_every_office_with_its_packs_escaped(built):
    _, result = built
    html = (result.site_dir / "to-roi" / "index.html").read_text(encoding="utf-8")
    assert "Xã &#34;Thử&#34; #set $x$ &lt;b&gt;" in html or "Xã &quot;Thử&quot;" in html
    assert "<b>" not in html.split('data-office="xa-thu"')[1].split("</li>")[0]
    for office_id in OFFICES:
        assert f'data-office="{office_id}"' in html
        assert f"assets/flyers/offices/{office_id}/print-pack-vi-a4.pdf" in html
    english = (result.site_dir / "en" / "to-roi" / "index.html").read_text(encoding="utf-8")
    assert "One-stop counter, Ward 5" in english and "print-pack-en-a5x2.pdf" in english


def test_editing_one_page_remakes_that_flyer_once_per_office(built):
    config, _ = built
    site = config.parent.parent / "site"
    docs = config.parent / "docs"
    (docs / "a.md").write_text(page("Trang a mới", "## Các bước\n\n1. Hai.\n", extra=STEPS))
    result = run_mkdocs(config, site, URL, "--strict")
    assert result.returncode == 0, result.log
    assert counts(result.log, "vi") == (3, 3 * 2, 3 * 4)  # offices x 1 page; packs remade
    assert counts(result.log, "en") == (0, 3 * 3, 0)
    pack = site / "assets/flyers/offices/phuong-5/print-pack-vi-a4.pdf"
    assert "Trang a mới" in PdfReader(pack).pages[1].extract_text()  # a comes first


def test_an_office_too_long_for_the_contact_box_stops_the_build_naming_it(tmp_path):
    long = ("Số 1, đường Thử, khu phố " * 30).strip()
    config = project(tmp_path, {"phuong-dai": ("Phường Dài", "", long, "0000 000 008", "")})
    result = run_mkdocs(config, tmp_path / "site", URL)
    assert_refused(result, "fix: shorten that row of the offices file")
    match = re.search(
        r"offices\.csv:2 \(phuong-dai, [^)]*\): the office's name, address, phone and hours do "
        r"not fit the flyer's contact box, even at the smallest type size: about (\d+)% too long",
        result.log,
    )
    assert match and 10 < int(match[1]) < 100, result.log


def test_a_bad_offices_file_stops_the_build_with_the_file_line_and_fix(tmp_path):
    config = project(tmp_path, {"Phường 5": ("Phường 5", "", "", "1", "")})
    result = run_mkdocs(config, tmp_path / "site", URL)
    assert_refused(
        result,
        "offices.csv:2: the id 'Phường 5' may only hold lowercase letters",
        "fix: write it, for example, as 'phuong-5'",
    )
