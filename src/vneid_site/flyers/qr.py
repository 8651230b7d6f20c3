"""QR codes of page addresses, as SVG and PNG bytes."""

from __future__ import annotations

import io
from dataclasses import dataclass

# M recovers from ~15% damage: enough for a printed sheet behind a counter's glass.
ERROR_CORRECTION = "M"
QUIET_ZONE = 4  # modules; the minimum the QR standard asks for
# Bump when the images below change, so cached codes from an older version are not reused.
IMAGE_FORMAT = "2"
PNG_BOX = 10  # pixels per module in the PNG


@dataclass(frozen=True)
class QrImages:
    svg: bytes
    png: bytes


def qr_matrix(data: str) -> list[list[bool]]:
    """The dark (True) and light modules of the QR code of `data`, quiet zone included."""
    # Imported here: a build whose QR codes are all cached never loads qrcode.
    import qrcode
    import qrcode.constants

    level = getattr(qrcode.constants, f"ERROR_CORRECT_{ERROR_CORRECTION}")
    code = qrcode.QRCode(error_correction=level, border=QUIET_ZONE)
    code.add_data(data)
    code.make(fit=True)
    return code.get_matrix()


def svg_from_matrix(matrix: list[list[bool]]) -> bytes:
    """One path of horizontal runs of dark modules: a fraction of the size of a square per
    module, which keeps flyer PDFs (and the print packs that hold them) small."""
    size = len(matrix)
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < size:
            if row[x]:
                start = x
                while x < size and row[x]:
                    x += 1
                runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
        f'width="{size * PNG_BOX}" height="{size * PNG_BOX}" shape-rendering="crispEdges">'
        f'<rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path d="{"".join(runs)}" fill="#000"/></svg>\n'
    ).encode("ascii")


def png_from_matrix(matrix: list[list[bool]]) -> bytes:
    """A black-and-white PNG, PNG_BOX pixels per module."""
    # Imported here: Pillow is only needed when a QR code is not in the cache.
    from PIL import Image

    size = len(matrix)
    modules = Image.frombytes(
        "L", (size, size), bytes(0 if dark else 255 for row in matrix for dark in row)
    )
    image = modules.resize((size * PNG_BOX, size * PNG_BOX), Image.Resampling.NEAREST)
    out = io.BytesIO()
    image.convert("1").save(out, format="PNG", optimize=True)
    return out.getvalue()


def make_qr(data: str) -> QrImages:
    """Encode `data` (an absolute URL) as a QR code in SVG and PNG."""
    matrix = qr_matrix(data)
    return QrImages(svg_from_matrix(matrix), png_from_matrix(matrix))
