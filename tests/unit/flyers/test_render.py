from __future__ import annotations

import io
import json
import shutil
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.support.pdfcheck import decode_qr, render_page
from tests.support.sitebuild import ROOT
from vneid_site.flyers.render import (
    FlyerError,
    FlyerRenderer,
    RenderSettings,
    fingerprint,
    pdf_page_count,
)
from vneid_site.font_files import FLYER_FAMILIES, flyer_font_dirs

TEMPLATE = ROOT / "flyer-templates"
DATA = Path(tempfile.gettempdir()) / "vneid-test-typst-data"
SAMPLE = json.loads((TEMPLATE / "sample.json").read_text(encoding="utf-8"))


def settings(template: Path = TEMPLATE, families=FLYER_FAMILIES) -> RenderSettings:
    # Root "/": the templates and the data handed to Typst (a folder of the system's).
    return RenderSettings(template, tuple(flyer_font_dirs()), families, Path("/"), DATA)


def test_renders_the_sample_as_one_page_with_its_text():
    renderer = FlyerRenderer(settings())
    pdf = renderer.render(SAMPLE, src="sample")
    assert pdf.startswith(b"%PDF") and pdf_page_count(pdf) == 1
    png = renderer.render(SAMPLE, src="sample", fmt="png", ppi=20)
    assert png.startswith(b"\x89PNG")


def test_a_missing_font_family_stops_before_printing_blank_flyers():
    with pytest.raises(FlyerError, match="flyer fonts not found: No Such Sans"):
        FlyerRenderer(settings(families=(*FLYER_FAMILIES, "No Such Sans")))


def test_a_template_asking_for_an_unknown_font_fails_clearly(tmp_path):
    template = tmp_path / "flyer"
    shutil.copytree(TEMPLATE, template)
    lib = template / "parts.typ"  # the colours and fonts flyers, posters and packs share
    font = '#let body-font = "Be Vietnam Pro"'
    assert font in lib.read_text()
    lib.write_text(lib.read_text().replace(font, '#let body-font = "No Such Sans"'))
    with pytest.raises(FlyerError, match="unknown font family: no such sans"):
        FlyerRenderer(settings(template)).render(SAMPLE, src="docs/x.md")


def test_template_errors_name_the_page_and_the_fix(tmp_path):
    template = tmp_path / "flyer"
    shutil.copytree(TEMPLATE, template)
    (template / "main.typ").write_text("#let x = (\n")
    with pytest.raises(FlyerError) as err:
        FlyerRenderer(settings(template)).render(SAMPLE, src="docs/x.md")
    assert str(err.value).startswith("docs/x.md: the flyer template failed")
    assert "fix:" in str(err.value)


def test_fingerprint_follows_the_template(tmp_path):
    template = tmp_path / "flyer"
    shutil.copytree(TEMPLATE, template)
    before = fingerprint(settings(template))
    (template / "lib.typ").write_text((template / "lib.typ").read_text() + "\n// changed\n")
    assert fingerprint(settings(template)) != before


LONG_LABELS = (
    "Hướng dẫn chính thức đăng ký tài khoản định danh điện tử VNeID mức độ 2",
    "Cổng Dịch vụ công Quốc gia: nộp hồ sơ trực tuyến và tra cứu kết quả",
    "Tra cứu thông tin căn cước và tài khoản định danh điện tử của công dân",
)
EXTRA_URLS = (
    "https://vneid.gov.vn/huongdan/huong-dan-dang-ky-tai-khoan-vneid.html",
    "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html",
    "https://vneid.gov.vn/",
)


def text_boxes(pdf: bytes) -> list[tuple[str, float, float, float]]:
    """(text, x, y, font size) of every run of text on the first page, in PDF points."""
    from pypdf import PdfReader

    runs: list[tuple[str, float, float, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
            runs.append((text, x, y, size * abs(tm[3] * cm[3]) or size))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return runs


@pytest.mark.parametrize("count", [1, 2, 3])
def test_long_extra_labels_keep_clear_of_the_main_code_and_its_caption(count):
    from vneid_site.flyers.qr import make_qr

    extras = [
        {"label": label, "url": url, "svg": make_qr(url).svg.decode()}
        for label, url in zip(LONG_LABELS[:count], EXTRA_URLS[:count], strict=True)
    ]
    renderer = FlyerRenderer(settings())
    pdf = renderer.render({**SAMPLE, "extra_qr": extras}, src="sample")
    assert pdf_page_count(pdf) == 1
    # The main caption (what the main code opens, and its date) is set as whole lines (in the
    # old layout it was squeezed to a word a line), and no label is set on the same line
    # near it.
    runs = text_boxes(pdf)
    caption = [r for r in runs if r[0].strip().startswith(("Quét mã QR", "Cập nhật"))]
    assert len(caption) == 2, runs
    labels = [r for r in runs if any(r[0].strip() and r[0].strip() in lab for lab in LONG_LABELS)]
    assert labels
    for text, x, y, _ in caption:
        for label, lx, ly, size in labels:
            same_line = abs(ly - y) < size
            assert not (same_line and abs(lx - x) < 150), (text, label)
    # Seen as a phone sees it: every code reads back, the main one the widest.
    codes = decode_qr(render_page(pdf, 150), 150)
    assert sorted(c.text for c in codes) == sorted([SAMPLE["url"], *EXTRA_URLS[:count]])
    main, *others = sorted(codes, key=lambda c: -c.width_mm)
    assert main.text == SAMPLE["url"] and main.width_mm > 35  # 48 mm with its quiet zone
    assert all(main.width_mm > 1.4 * other.width_mm for other in others)


def test_the_template_reports_the_body_size_it_chose_and_never_goes_below_the_floor():
    renderer = FlyerRenderer(settings())
    _, size = renderer.render_sized(SAMPLE, src="sample")
    assert 11 <= size <= 15
    step = [{"text": "Bước dài: " + "thủ tục hành chính trực tuyến " * 12}]
    long = {**SAMPLE, "sections": [{"title": None, "steps": [step] * 9}]}
    _, size = renderer.render_sized({**long, "min_size": 8}, src="sample")
    assert 8 <= size < 11
    with pytest.raises(FlyerError) as err:
        renderer.render_sized(long, src="docs/dai.md")
    assert str(err.value).startswith("docs/dai.md: the flyer does not fit on one A4 page")
    assert "(11 pt, extra.flyers.min_body_size)" in str(err.value)


def test_an_address_too_long_for_a_line_even_in_small_type_stops_the_flyer():
    renderer = FlyerRenderer(settings())
    url = "https://example.gov.vn/" + "a-very-long-path-segment/" * 10
    with pytest.raises(FlyerError) as err:
        renderer.render({**SAMPLE, "url": url}, src="docs/x.md")
    assert f"the address {url} does not fit on one line" in str(err.value)
    assert "fix:" in str(err.value)


def test_a_long_address_in_a_step_is_set_smaller_not_broken():
    url = "https://vneid.gov.vn/huongdan/huong-dan-dang-ky-tai-khoan-vneid-" + "x" * 60 + ".html"
    steps = [[{"text": "Mở ", "href": None}, {"text": url, "href": url}]]
    data = {**SAMPLE, "sections": [{"title": None, "steps": steps}]}
    pdf = FlyerRenderer(settings()).render(data, src="x")
    lines = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert url in lines.split("\n") or any(url in line for line in lines.split("\n"))


def test_posters_are_a4_and_a3_with_the_code_at_least_60_mm_on_a3():
    poster = json.loads((TEMPLATE / "sample-poster.json").read_text(encoding="utf-8"))
    renderer = FlyerRenderer(settings())
    for paper, (width, height), smallest in (
        ("a4", (595.28, 841.89), 35),
        ("a3", (841.89, 1190.55), 60),
    ):
        pdf = renderer.render_poster({**poster, "paper": paper}, src="sample")
        reader = PdfReader(io.BytesIO(pdf))
        box = reader.pages[0].mediabox
        assert abs(float(box.width) - width) < 1 and abs(float(box.height) - height) < 1
        codes = decode_qr(render_page(pdf, 50), 50)
        assert [c.text for c in codes] == [poster["url"]] and codes[0].width_mm >= smallest
        assert str(reader.trailer["/Root"]["/Lang"]) == poster["lang"]
