"""The rules that keep flyers fit to print, through real builds of fixture sites: a flyer that
says next to nothing is a warning (--strict fails), the legibility floor is a setting and no
page is shrunk past it, a poster that does not fit stops the build, and posters are made."""

from __future__ import annotations

import re

from pypdf import PdfReader

from tests.support.pdfcheck import body_runs, decode_qr, pdf_text, render_page
from tests.support.sitebuild import STEPS, assert_refused, make_fixture_project, page, run_mkdocs

URL = "https://example.test/sub/"
LETTERHEAD = "Hướng dẫn VNeID cho người dân Theo công văn năm 2024 của Sở Thông tin và Truyền thông tỉnh Bình Dương (cũ)"  # noqa: E501
FEW_LINES = " ".join(["Người dân đăng nhập Cổng Dịch vụ công quốc gia bằng tài khoản VNeID."] * 4)
STEP_PAGE = page("Các bước", "## Các bước\n\n1. Một.\n2. Hai.\n3. Ba.\n", extra=STEPS)


def both(name: str, vi: str, en: str | None = None) -> dict[str, str]:
    return {f"{name}.md": vi, f"{name}.en.md": en if en is not None else vi}


def project(tmp_path, pages: dict[str, str], overrides: str = "", *, stubs: bool = True):
    home = both("index", STEP_PAGE)
    return make_fixture_project(tmp_path / "p", {**home, **pages}, overrides, stub_flyers=stubs)


def test_a_flyer_that_says_next_to_nothing_is_a_warning_and_fails_strict(tmp_path):
    pages = {
        **both("mot-cau", page("Một câu", "Chỉ một câu.")),
        **both("du-dong", page("Đủ dòng", FEW_LINES)),  # a summary of a few lines is enough
        **both("khong-in", page("Không in", extra="flyer:\n  enabled: false\n")),
    }
    config = project(tmp_path, pages, stubs=False)
    lenient = run_mkdocs(config, tmp_path / "site", URL)
    assert lenient.returncode == 0, lenient.log
    warnings = re.findall(r"WARNING\s+-\s+(docs/\S+): the flyer has no steps", lenient.log)
    assert sorted(warnings) == ["docs/mot-cau.en.md", "docs/mot-cau.md"], lenient.log
    assert "fix: add flyer.steps" in lenient.log and "flyer: enabled: false" in lenient.log
    assert "flyer.summary" in lenient.log
    strict = run_mkdocs(config, tmp_path / "site", URL, "--strict")
    assert_refused(strict, "docs/mot-cau.md: the flyer has no steps", "strict mode")
    # The same warning from a build whose flyers all come from the cache.
    again = run_mkdocs(config, tmp_path / "site", URL)
    assert re.findall(r"flyers: 0 built", again.log) and again.log.count("has no steps") == 2


def long_steps(n: int) -> str:
    sentence = " ".join(["thủ tục hành chính trực tuyến"] * 6)
    return "## Các bước\n\n" + "".join(f"{i}. Bước số {i}: {sentence}.\n" for i in range(1, n + 1))


POSTER = "  poster_steps: [Bước một., Bước hai.]\n"


def test_no_page_is_shrunk_past_the_floor_which_mkdocs_yml_sets(tmp_path):
    source = page("Nhiều bước", long_steps(11), extra=STEPS + POSTER)
    pages = both("dai", source)
    # At the default floor (11 pt) the page does not fit: the build names it and the cut.
    refused = run_mkdocs(project(tmp_path, pages), tmp_path / "site", URL)
    assert_refused(
        refused,
        "docs/dai.md: the flyer does not fit on one A4 page at the smallest legible type "
        "size (11 pt, extra.flyers.min_body_size)",
        "fix: cut about",
    )
    # A site that sets a lower floor gets it, and nothing smaller.
    config = project(tmp_path / "lower", pages, "extra:\n  flyers:\n    min_body_size: 9.5\n")
    built = run_mkdocs(config, tmp_path / "lower-site", URL, "--strict")
    assert built.returncode == 0, built.log
    runs = body_runs(PdfReader(built.site_dir / "dai" / "flyer.pdf"), LETTERHEAD)
    assert 9.5 - 0.01 <= min(run.size for run in runs) < 11, runs[:3]


def test_wrong_legibility_settings_are_named_with_what_is_expected(tmp_path):
    config = project(tmp_path, {}, "extra:\n  flyers:\n    min_body_size: 4\n")
    result = run_mkdocs(config, tmp_path / "site", URL)
    assert_refused(result, "extra.flyers.min_body_size: must be a size from 8 to 20 (pt)")


def test_a_poster_too_long_to_read_from_two_metres_stops_the_build(tmp_path):
    pages = both("dai", page("Dài", long_steps(5), extra=STEPS))
    result = run_mkdocs(project(tmp_path, pages), tmp_path / "site", URL)
    assert_refused(
        result,
        "docs/dai.md (poster, A4): the poster does not fit on its page",
        "fix: set flyer.poster_steps to at most five steps about",
    )


def test_posters_print_their_short_steps_or_the_first_steps(tmp_path):
    seven = "## Các bước\n\n" + "".join(f"{i}. Bước {i}.\n" for i in range(1, 8))
    pages = {
        **both("ngan", page("Ngắn", seven, extra=STEPS)),
        **both("rieng", page("Riêng", long_steps(3), extra=STEPS + POSTER)),
    }
    result = run_mkdocs(project(tmp_path, pages), tmp_path / "site", URL, "--strict")
    assert result.returncode == 0, result.log
    site = result.site_dir
    first = pdf_text(site / "ngan" / "poster-a4.pdf")
    assert "Bước 5." in first and "Bước 6." not in first  # at most five
    own = pdf_text(site / "rieng" / "poster-a3.pdf")
    assert "Bước một." in own and "thủ tục" not in own
    data = (site / "rieng" / "poster-a3.pdf").read_bytes()
    codes = decode_qr(render_page(data, 50), 50)
    assert [c.text for c in codes] == [URL + "rieng/"] and codes[0].width_mm >= 60
    packs = site / "assets" / "flyers"
    for lang in ("vi", "en"):
        reader = PdfReader(packs / f"poster-pack-{lang}-a3.pdf")
        assert len(reader.pages) == 1 + 3  # the index, then home and the two pages
        assert abs(float(reader.pages[1].mediabox.height) - 1190.55) < 1
