"""Printing pages from a browser: what paper shows of the site."""

from __future__ import annotations

import io

from PIL import ImageStat
from pypdf import PdfReader

from tests.support.pdfcheck import pdf_text, render_page


def test_browser_print_of_a_guide_has_no_navigation_or_search(server, browser):
    page = browser.new_page(color_scheme="dark")
    page.goto(server + "huong-dan/lien-ket-tai-khoan/", wait_until="networkidle")
    pdf = page.pdf(format="A4")
    page.close()
    text = pdf_text(pdf)
    assert "Đã có tài khoản Cổng Dịch vụ công quốc gia từ trước" in text
    for chrome in ("Tìm kiếm", "Trang chủ", "Dành cho cán bộ", "Văn bản", "Đường dây nóng", "Sau "):
        assert chrome not in text, chrome
    # Link addresses follow link text; the page's own address is printed.
    assert f"Đăng ký tài khoản VNeID ({server}huong-dan/dang-ky-vneid/)" in text
    assert f"Địa chỉ trang này: {server}huong-dan/lien-ket-tai-khoan/" in text
    # White paper, whatever the screen's colour scheme.
    first = render_page(pdf, 50).convert("L")
    assert ImageStat.Stat(first).mean[0] > 200


def test_browser_print_of_the_flyers_page_hides_buttons(server, browser):
    page = browser.new_page()
    page.goto(server + "en/to-roi/", wait_until="networkidle")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    page.close()
    assert "Printable flyers" in text
    assert "Flyer pack, one flyer per A4 page" not in text
    assert "Search" not in text
