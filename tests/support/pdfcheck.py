"""Look inside generated PDFs and QR codes as a reader and a phone would."""

from __future__ import annotations

import io
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from vneid_site import qr_check

A4_PT = (595.28, 841.89)


@dataclass(frozen=True)
class Decoded:
    text: str
    width_mm: float  # printed width of the symbol, quiet zone excluded
    left: float = 0.0  # x of its left edge, in pixels


def render_page(pdf: bytes, dpi: float, index: int = 0) -> Image.Image:
    return qr_check.pdf_page(pdf, dpi, index)


def decode_qr(image: Image.Image, dpi: float | None = None) -> list[Decoded]:
    """Every QR code zxing finds in an image, with its printed width when `dpi` is known."""
    return [
        Decoded(code.text, code.width / dpi * 25.4 if dpi else 0.0, code.left)
        for code in qr_check.read_qr(image)
    ]


def svg_to_image(svg: bytes, width_cm: float = 8) -> Image.Image:
    """Rasterise an SVG with Typst, an SVG renderer independent of the one that drew it."""
    return qr_check.svg_to_image(svg.decode("utf-8"), width_cm)


def pdf_fonts(reader: PdfReader) -> dict[str, bool]:
    """Base font name -> whether the font program is embedded, over every page."""
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            desc_font = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = desc_font["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = any(
                k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    return fonts


def pdf_text(source: Path | bytes | PdfReader, page: int | None = None) -> str:
    """The text of page `page` of a PDF (of every page if None), each run of whitespace one
    space: pypdf breaks lines where the layout does, not where the words do."""
    if not isinstance(source, PdfReader):
        source = PdfReader(io.BytesIO(source) if isinstance(source, bytes) else source)
    pages = source.pages if page is None else [source.pages[page]]
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pages))


def text_runs(reader: PdfReader, index: int = 0) -> list[tuple[str, str]]:
    """(text, font name) pieces of a page, in drawing order."""
    runs: list[tuple[str, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip() and font is not None:
            runs.append((text, str(font.get("/BaseFont", ""))))

    reader.pages[index].extract_text(visitor_text=visit)
    return runs


@dataclass(frozen=True)
class PlacedRun:
    text: str
    y: float  # of its baseline, in points from the page's foot
    size: float  # printed type size, in points
    upright: bool = True  # False: turned (the "preview" stamp across a test build's page)


def placed_runs(reader: PdfReader, index: int = 0) -> list[PlacedRun]:
    """The text pieces of a page with where and how large they are printed, in drawing order."""
    runs: list[PlacedRun] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            scale = abs(tm[3] * cm[3]) if cm[3] else abs(tm[3])
            upright = all(abs(m[i]) < 1e-6 for m in (cm, tm) for i in (1, 2))
            runs.append(PlacedRun(text, y, abs(size) * scale, upright))

    reader.pages[index].extract_text(visitor_text=visit)
    return runs


# The first words of the footer of every flyer and poster: the QR code's caption.
SCAN_LABELS = ("Quét mã QR bằng điện thoại", "Scan the QR code with your phone")


def body_runs(reader: PdfReader, letterhead: str, index: int = 0) -> list[PlacedRun]:
    """A flyer's or poster's body as printed: below its letterhead (`letterhead`: the
    organisation's department and name, which open the page) and above its footer (the QR
    code's caption); the preview stamp of a test build left out."""
    runs = [run for run in placed_runs(reader, index) if run.upright]
    start = 0
    while start < len(runs) and runs[start].text.strip() in letterhead:
        start += 1
    assert start, "the page does not open with the letterhead"
    footer = next(i for i, r in enumerate(runs) if r.text.lstrip().startswith(SCAN_LABELS))
    return runs[start:footer]


def link_uris(reader: PdfReader, index: int = 0) -> list[str]:
    annots = reader.pages[index].get("/Annots") or []
    uris = []
    for annot in annots:
        action = annot.get_object().get("/A")
        if action is not None and "/URI" in action:
            uris.append(str(action["/URI"]))
    return uris


def structure_types(reader: PdfReader) -> list[str]:
    """The types of the tagged PDF's structure elements in reading order ("H1", "P", ...)."""
    found: list[str] = []

    def walk(node) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, dict):
            if "/S" in node:
                found.append(str(node["/S"]).lstrip("/"))
            kids = node.get("/K")
            if kids is not None:
                for kid in kids if isinstance(kids, list) else [kids]:
                    walk(kid)
        elif isinstance(node, list):
            for kid in node:
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def summary(path: Path) -> dict:
    """A small JSON-able account of a PDF, for looking at by hand."""
    reader = PdfReader(path)
    return {
        "pages": len(reader.pages),
        "title": reader.metadata.title if reader.metadata else None,
        "lang": str(reader.trailer["/Root"].get("/Lang")),
        "fonts": pdf_fonts(reader),
    }


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(arg, json.dumps(summary(Path(arg)), ensure_ascii=False))
