"""QR codes and flyers of the real site, read back as a phone and a PDF reader would."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.support.htmltext import soup
from tests.support.pdfcheck import (
    A4_PT,
    decode_qr,
    link_uris,
    pdf_fonts,
    pdf_text,
    render_page,
    structure_types,
    svg_to_image,
)
from tests.support.real_docs import DOCS, LANGUAGES, page_dir, vi_sources
from vneid_site.checks.changes import affected
from vneid_site.content.front_matter import parse_page_meta


def all_pages(site, *, with_flyer: bool = True) -> list[tuple[str, str, Path, str]]:
    """(lang, canonical URL, output folder, docs path of the Vietnamese source) of every page
    of both languages."""
    out = []
    for src in vi_sources():
        meta, _ = parse_page_meta((DOCS / src).read_text(encoding="utf-8"), src)
        if with_flyer and not meta.flyer.enabled:
            continue
        for lang in ("vi", "en"):
            rel = page_dir(src, lang)
            out.append((lang, site.url + rel, site.dir / rel, src))
    return out


def test_every_page_in_both_languages_has_qr_files_and_a_flyer(site):
    pages = all_pages(site)
    assert len(pages) >= 16
    for _, _, folder, _ in pages:
        for name in ("qr.svg", "qr.png", "flyer.pdf"):
            assert (folder / name).is_file(), folder / name
    # A page that switches its flyer off still has its QR code.
    for _, _, folder, _ in all_pages(site, with_flyer=False):
        assert (folder / "qr.svg").is_file()


def test_each_page_shows_its_qr_code_and_flyer_link(site):
    for lang, _, folder, _ in all_pages(site):
        doc = soup(folder / "index.html")
        share = doc.select_one("aside.site-share")
        assert share is not None
        img = share.select_one("img")
        assert (folder / img["src"]).resolve() == (folder / "qr.svg").resolve()
        assert img["alt"]
        flyer = share.select_one("a.site-share__flyer")
        assert (folder / flyer["href"]).resolve() == (folder / "flyer.pdf").resolve()
        assert flyer["download"].endswith(f"-{lang}.pdf")
        caption = share.get_text()
        assert ("Quét mã QR" in caption) if lang == "vi" else ("Scan the QR code" in caption)


def test_standalone_qr_png_and_svg_decode_to_the_canonical_url(site):
    for _, url, folder, _ in all_pages(site):
        png = Image.open(folder / "qr.png")
        assert [d.text for d in decode_qr(png)] == [url]
        assert [d.text for d in decode_qr(svg_to_image((folder / "qr.svg").read_bytes()))] == [url]


@pytest.mark.parametrize("dpi", [100, 72])
def test_flyer_qr_decodes_at_low_resolution_and_is_printed_at_least_30mm(site, dpi):
    for _, url, folder, _ in all_pages(site):
        codes = decode_qr(render_page((folder / "flyer.pdf").read_bytes(), dpi), dpi)
        main = [c for c in codes if c.text == url]
        assert len(main) == 1, (url, codes)
        assert main[0].width_mm >= 30, (url, main[0].width_mm)


def test_flyer_pdf_is_one_tagged_a4_page_with_embedded_fonts_title_and_lang(site):
    for lang, _url, folder, src in all_pages(site):
        data = (folder / "flyer.pdf").read_bytes()
        reader = PdfReader(io.BytesIO(data))
        assert len(reader.pages) == 1
        box = reader.pages[0].mediabox
        assert abs(float(box.width) - A4_PT[0]) < 1 and abs(float(box.height) - A4_PT[1]) < 1
        fonts = pdf_fonts(reader)
        assert fonts and all(fonts.values()), fonts
        assert any("BeVietnamPro" in name for name in fonts)
        root = reader.trailer["/Root"]
        assert str(root["/Lang"]) == lang
        assert bool(root["/MarkInfo"]["/Marked"])
        assert "/StructTreeRoot" in root
        assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
        # A screen reader can jump by heading: the title is the one H1, each section of steps
        # (or the questions of a FAQ) comes under an H2 of its own.
        tags = structure_types(reader)
        assert tags.count("H1") == 1, (folder, tags)
        source = (DOCS / LANGUAGES.source(src, lang)).read_text(encoding="utf-8")
        sections = len(parse_page_meta(source, "x")[0].flyer.steps)
        assert tags.count("H2") <= max(1, sections), (folder, tags)
        assert "H2" not in tags or tags.index("H1") < tags.index("H2"), (folder, tags)
        steps = "1." in reader.pages[0].extract_text()
        assert not steps or "H2" in tags, (folder, tags)
        title = soup(folder / "index.html").select_one("article h1").get_text().strip()
        assert reader.metadata.title == title
        text = reader.pages[0].extract_text()
        assert unicodedata.is_normalized("NFC", text)
        assert title in re.sub(r"\s*\n\s*", " ", text), (title, text[:300])


LETTERHEAD = {
    "vi": ("Hướng dẫn VNeID cho người dân", "Theo công văn năm 2024 của Sở Thông tin và Truyền "
           "thông tỉnh Bình Dương (cũ)"),
    "en": ("VNeID guides for citizens", "From a 2024 dispatch of the former Department of "
           "Information and Communications of Bình Dương Province"),
}  # fmt: skip


def test_flyer_letterhead_and_author_name_no_dissolved_body_as_today_s_publisher(site):
    for lang, _url, folder, _ in all_pages(site):
        reader = PdfReader(folder / "flyer.pdf")
        text = pdf_text(reader, 0)
        department, name = LETTERHEAD[lang]
        title = reader.metadata.title
        # The letterhead is what comes before the page title.
        head = text.split(re.sub(r"\s+", " ", title)[:20], 1)[0]
        # As written: "VNeID" stays "VNeID", never upper-cased to "VNEID".
        assert department in head, head
        assert "VNEID" not in text, text[:300]
        assert name in head, head
        for dissolved in ("Thông tin và Truyền thông", "Information and Communications"):
            assert dissolved not in head or ("(cũ)" in head or "former" in head), head
        assert reader.metadata.author == department


ACTIVATE = ("Kích hoạt tài khoản định danh điện tử", "Gửi yêu cầu", "OTP", "passcode")


@pytest.mark.parametrize(
    "prefix,heading,steps",
    [
        (
            "",
            "Kích hoạt tài khoản khi hồ sơ được duyệt",
            (*ACTIVATE, "2 câu hỏi bảo mật", "Đăng nhập lại"),
        ),
        (
            "en/",
            "Activate your account when your application is approved",
            (*ACTIVATE, "2 security questions", "Log in again"),
        ),
    ],
)
def test_registration_flyer_prints_the_activation_steps_too(site, prefix, heading, steps):
    folder = site.dir / prefix / "huong-dan" / "dang-ky-vneid"
    text = pdf_text(folder / "flyer.pdf", 0)
    after = text.split(heading, 1)[1]
    positions = [after.index(step) for step in steps]
    assert positions == sorted(positions), positions


def test_historical_document_flyer_says_so_with_its_number(site):
    for lang, word in (("vi", "VĂN BẢN LỊCH SỬ"), ("en", "HISTORICAL DOCUMENT")):
        prefix = "" if lang == "vi" else "en/"
        folder = site.dir / prefix / "cong-van" / "vneid-cong-dvcqg-2024"
        text = PdfReader(folder / "flyer.pdf").pages[0].extract_text()
        assert word in text
        assert "...../STTTT-TTCNTT" in text
        assert ".:" not in text  # "No. ...", "Số: ..."
        guide = site.dir / prefix / "huong-dan" / "dang-ky-vneid" / "flyer.pdf"
        assert word not in PdfReader(guide).pages[0].extract_text()


def test_guide_flyer_prints_steps_extra_qr_and_where_to_get_help(site):
    folder = site.dir / "huong-dan" / "dang-ky-vneid"
    reader = PdfReader(folder / "flyer.pdf")
    text = reader.pages[0].extract_text()
    html = soup(folder / "index.html")
    heading = next(h for h in html.select("article h2") if "Các bước thực hiện" in h.get_text())
    steps = heading.find_next("ol").find_all("li")
    assert len(steps) >= 5
    for step in steps:
        first_words = " ".join(step.get_text(" ").split()[:4])
        assert first_words in re.sub(r"\s+", " ", text), first_words
    flat = re.sub(r"\s+", " ", text)
    assert "Cần hỗ trợ? Tài khoản VNeID: hỏi Công an xã, phường" in flat, flat
    assert "1022" not in flat  # the 2024 hotline is history, kept in the FAQ only
    vneid = "https://vneid.gov.vn/huongdan/huong-dan-dang-ky-tai-khoan-vneid.html"
    codes = decode_qr(render_page((folder / "flyer.pdf").read_bytes(), 100))
    assert vneid in [c.text for c in codes]
    assert vneid in link_uris(reader)
    # "Các bước thực hiện" and "Kích hoạt tài khoản khi hồ sơ được duyệt", each its own H2.
    assert structure_types(reader).count("H2") == 2


def test_every_real_page_and_flyer_is_where_the_summary_says(site):
    for path in DOCS.rglob("*.md"):
        src = path.relative_to(DOCS).as_posix()
        lang = LANGUAGES.of_source(src)[0]
        text = path.read_text(encoding="utf-8")
        summary = affected([("M", f"docs/{src}")], set(), lambda _, text=text: text, LANGUAGES)
        row = next(p for p in summary.pages if p.lang == lang)
        assert (site.dir / row.url / "index.html").is_file(), src
        meta, _ = parse_page_meta(path.read_text(encoding="utf-8"), src)
        assert row.url == page_dir(src, lang)
        assert (row.flyer is not None) == meta.flyer.enabled, src
        assert row.flyer is None or (site.dir / row.flyer).is_file(), src
