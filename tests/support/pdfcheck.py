"""Look inside generated PDFs and QR codes as a reader and a phone would."""

from __future__ import annotations

import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image
from pypdf import PdfReader

A4_PT = (595.28, 841.89)


@dataclass(frozen=True)
class Decoded:
    text: str
    width_mm: float  # printed width of the symbol, quiet zone excluded
    left: float = 0.0  # x of its left edge, in pixels


def render_page(pdf: bytes, dpi: float, index: int = 0) -> Image.Image:
    doc = pdfium.PdfDocument(pdf)
    return doc[index].render(scale=dpi / 72).to_pil().convert("L")


def decode_qr(image: Image.Image, dpi: float | None = None) -> list[Decoded]:
    """Every QR code zxing finds in an image, with its printed width when `dpi` is known."""
    out = []
    for result in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
        pos = result.position
        width_px = max(
            abs(pos.top_right.x - pos.top_left.x), abs(pos.bottom_right.x - pos.bottom_left.x)
        )
        left = min(pos.top_left.x, pos.bottom_left.x)
        out.append(Decoded(result.text, width_px / dpi * 25.4 if dpi else 0.0, left))
    return out


def svg_to_image(svg: bytes, width_cm: float = 8) -> Image.Image:
    """Rasterise an SVG with Typst, an SVG renderer independent of the one that drew it."""
    import typst

    source = (
        b"#set page(width: auto, height: auto, margin: 5mm)\n"
        b"#image(bytes(sys.inputs.svg), width: " + str(width_cm).encode() + b"cm)\n"
    )
    png = typst.compile(source, format="png", ppi=150, sys_inputs={"svg": svg.decode("utf-8")})
    return Image.open(io.BytesIO(png)).convert("L")


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


def text_runs(reader: PdfReader, index: int = 0) -> list[tuple[str, str]]:
    """(text, font name) pieces of a page, in drawing order."""
    runs: list[tuple[str, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip() and font is not None:
            runs.append((text, str(font.get("/BaseFont", ""))))

    reader.pages[index].extract_text(visitor_text=visit)
    return runs


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
