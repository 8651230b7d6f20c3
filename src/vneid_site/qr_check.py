"""Read QR codes back as a phone would: from images, from SVG drawn by Typst, from PDF pages.

zxing-cpp and pypdfium2 (requirements-verify.txt) are imported only when used: the build never
needs them, only scripts/verify_qr.py and the tests do.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image


@dataclass(frozen=True)
class Code:
    text: str
    width: float  # pixels, the longer of its top and bottom edges
    left: float  # x of its left edge, in pixels


def read_qr(image: Image.Image) -> list[Code]:
    """Every QR code zxing finds in an image."""
    import zxingcpp

    codes = []
    qr_codes = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    for found in zxingcpp.read_barcodes(image, formats=qr_codes):
        pos = found.position
        width = max(
            abs(pos.top_right.x - pos.top_left.x), abs(pos.bottom_right.x - pos.bottom_left.x)
        )
        codes.append(Code(found.text, width, min(pos.top_left.x, pos.bottom_left.x)))
    return codes


def svg_to_image(svg: str, width_cm: float = 8) -> Image.Image:
    """Rasterise an SVG with Typst, an SVG renderer independent of the one that drew it."""
    import typst

    source = (
        b"#set page(width: auto, height: auto, margin: 5mm)\n"
        b"#image(bytes(sys.inputs.svg), width: " + str(width_cm).encode() + b"cm)\n"
    )
    png = typst.compile(source, format="png", ppi=150, sys_inputs={"svg": svg})
    return Image.open(io.BytesIO(png)).convert("L")


def pdf_pages(pdf: Path | bytes, dpi: float) -> Iterator[Image.Image]:
    """The pages of a PDF rendered in grey at `dpi`, one at a time."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        for page in document:
            yield _grey(page, dpi)
    finally:
        document.close()


def pdf_page(pdf: Path | bytes, dpi: float, index: int = 0) -> Image.Image:
    """One page of a PDF rendered in grey at `dpi`."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return _grey(document[index], dpi)
    finally:
        document.close()


def _grey(page, dpi: float) -> Image.Image:
    return page.render(scale=dpi / 72).to_pil().convert("L")
