"""Flyer previews for the flyers page: A4 pages at the size the page shows them, for 1x screens
and for 2x and 3x ones, as palette PNG (far smaller than full colour, and no less sharp: the
flyers are flat colours on white). Typst renders the largest once; the others are it scaled
down by a whole factor, each pixel the mean of a square of its pixels."""

from __future__ import annotations

import io
from typing import Any, cast

# Bump when the previews change in a way their inputs do not show (size, colours, encoding),
# so that old cache entries are not reused.
FORMAT = "4"
# site.css shows a preview at most this many CSS pixels wide (on a 390 px phone as on a desktop).
WIDTH = 200
SCALES = (1, 2)  # the 2x image serves 3x screens too: a thumbnail, the PDF is a click away
# Measured against a high-resolution render: 256 colours come no closer than 64 for 30 % more
# bytes; 16 start to differ visibly. Lossy WebP was both larger and further off. The fast
# octree quantizer, with its lightest colour made the page's white, is as close as median cut
# and smaller, in a tenth of the time (a cold build makes two previews for every flyer).
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


def render_ppi() -> float:
    """The resolution Typst renders a flyer's previews at: that of the largest."""
    return ppi(max(SCALES))


def from_render(png: bytes) -> tuple[bytes, ...]:
    """The preview of each scale (in the order of SCALES) from Typst's render at render_ppi().

    One render and a downscale cost about half of a render at each size; at a whole factor
    the downscale is exact averaging, as close to Typst's own smaller render as the palette
    allows (tests/unit/flyers/test_previews.py).
    """
    page = _on_white(png)
    largest = max(SCALES)
    return tuple(
        _palette(page.reduce(largest // scale) if scale != largest else page) for scale in SCALES
    )


def palette_png(png: bytes) -> bytes:
    """`png` (Typst's RGBA render) on white, reduced to COLOURS colours, optimised."""
    return _palette(_on_white(png))


def _on_white(png: bytes) -> Any:
    """Typst's RGBA render as an RGB image, laid on white paper where it is not opaque."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        rgba = image.convert("RGBA")
    # (lowest, highest) of each of the four bands; Pillow's type also covers one-band images.
    bands = cast("tuple[tuple[int, int], ...]", rgba.getextrema())
    if bands[3][0] < 255:  # any transparency: lay it on white paper
        page = Image.new("RGBA", rgba.size, "white")
        page.alpha_composite(rgba)
        rgba = page
    return rgba.convert("RGB")


def _palette(image: Any) -> bytes:
    from PIL import Image

    reduced = image.quantize(colors=COLOURS, method=Image.Quantize.FASTOCTREE)
    palette = reduced.getpalette()
    lightest = max(range(len(palette) // 3), key=lambda i: sum(palette[3 * i : 3 * i + 3]))
    palette[3 * lightest : 3 * lightest + 3] = [255, 255, 255]
    reduced.putpalette(palette)
    out = io.BytesIO()
    # Level 6: the smallest file within 4 %, at a sixth of the time of Pillow's optimize.
    reduced.save(out, format="PNG", compress_level=6)
    return out.getvalue()
