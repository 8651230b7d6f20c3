"""Flyer previews for the flyers page: A4 pages rendered at the size the page shows them, for
1x screens and for 2x and 3x ones, as palette PNG (far smaller than full colour, and no less
sharp: the flyers are flat colours on white)."""

from __future__ import annotations

import io

# Bump when the previews change in a way their inputs do not show (size, colours, encoding),
# so that old cache entries are not reused.
FORMAT = "2"
# site.css shows a preview at most this many CSS pixels wide (on a 390 px phone as on a desktop).
WIDTH = 200
SCALES = (1, 2)  # the 2x image serves 3x screens too: a thumbnail, the PDF is a click away
# Measured against a high-resolution render: 256 colours come no closer than 64 for 30 % more
# bytes; 16 start to differ visibly. Lossy WebP was both larger and further off.
COLOURS = 64
A4_MM = (210, 297)


def ppi(scale: int) -> float:
    """The resolution at which an A4 page is WIDTH * scale pixels wide."""
    return WIDTH * scale / (A4_MM[0] / 25.4)


def size(scale: int) -> tuple[int, int]:
    """(width, height) in pixels of the preview for `scale` (Typst rounds as this does)."""
    return WIDTH * scale, round(WIDTH * scale * A4_MM[1] / A4_MM[0])


def cache_suffix(scale: int) -> str:
    """How a preview is told apart from the flyer's other files in the cache."""
    return f".preview{FORMAT}-{WIDTH * scale}w.png"


def palette_png(png: bytes) -> bytes:
    """`png` (Typst's RGBA render) on white, reduced to COLOURS colours, optimised."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        page = Image.new("RGBA", image.size, "white")
        page.alpha_composite(image.convert("RGBA"))
    return _palette(page.convert("RGB"))


def _palette(image: object) -> bytes:
    from PIL import Image

    reduced = image.quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT)  # type: ignore[attr-defined]
    out = io.BytesIO()
    reduced.save(out, format="PNG", optimize=True)
    return out.getvalue()
