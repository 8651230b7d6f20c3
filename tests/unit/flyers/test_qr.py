from __future__ import annotations

import io

from PIL import Image

from tests.support.pdfcheck import decode_qr, svg_to_image
from vneid_site.flyers.qr import QUIET_ZONE, make_qr, qr_matrix

URL = "https://www.example.gov.vn/vneid/en/huong-dan/lien-ket-tai-khoan/"


def test_png_and_svg_decode_to_the_exact_url():
    images = make_qr(URL)
    png = Image.open(io.BytesIO(images.png))
    assert [d.text for d in decode_qr(png)] == [URL]
    assert [d.text for d in decode_qr(svg_to_image(images.svg))] == [URL]


def test_error_correction_m_and_a_four_module_quiet_zone():
    images = make_qr(URL)
    png = Image.open(io.BytesIO(images.png)).convert("L")
    modules = len(qr_matrix(URL))
    box = png.width // modules
    assert png.width == modules * box
    # The quiet zone is white all round; the finder pattern starts right after it.
    margin = QUIET_ZONE * box
    border = [png.getpixel((x, y)) for x in range(png.width) for y in range(margin)]
    assert min(border) == 255
    assert png.getpixel((margin + 1, margin + 1)) == 0
    result = next(iter(__import__("zxingcpp").read_barcodes(png)))
    assert result.ec_level in ("M", "Q", "H")


def test_the_same_url_gives_the_same_bytes():
    assert make_qr(URL) == make_qr(URL)
    assert make_qr(URL).svg != make_qr(URL + "x").svg
