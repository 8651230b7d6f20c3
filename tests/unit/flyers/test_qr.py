from __future__ import annotations

import io
import random
import string

from PIL import Image

from tests.support.pdfcheck import decode_qr, svg_to_image
from vneid_site.flyers.qr import PNG_BOX, QUIET_ZONE, make_qr, qr_matrix

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


def _qrcode_own(data: str) -> list[list[bool]]:
    import qrcode
    import qrcode.constants

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(data)
    code.make(fit=True)
    return code.get_matrix()


def test_the_code_is_the_one_qrcode_makes_with_its_own_choice_of_mask():
    # The mask is found without qrcode's eight trial layouts (qr_mask.py): it must be the same
    # mask, on short and long addresses (versions 2 to 20, with and without version fields).
    rng = random.Random(19)
    alphabet = string.ascii_letters + string.digits + "/-_.~%?=&"
    urls = [URL, "https://a.vn/", URL + "#" + "đ" * 40]
    urls += [
        "https://x.example.vn/" + "".join(rng.choices(alphabet, k=n)) for n in range(0, 700, 29)
    ]
    for url in urls:
        assert qr_matrix(url) == _qrcode_own(url), url


def test_the_png_is_one_bit_with_square_modules():
    png = Image.open(io.BytesIO(make_qr(URL).png))
    modules = len(qr_matrix(URL))
    assert png.mode == "1" and png.size == (modules * PNG_BOX, modules * PNG_BOX)
    matrix = qr_matrix(URL)
    for y in range(modules):
        for x in range(modules):
            dark = png.getpixel((x * PNG_BOX + PNG_BOX // 2, y * PNG_BOX + PNG_BOX // 2)) == 0
            assert dark == matrix[y][x], (x, y)
