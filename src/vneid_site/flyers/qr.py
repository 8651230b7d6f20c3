"""QR codes of page addresses, as SVG and PNG bytes."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

# M recovers from ~15% damage: enough for a printed sheet behind a counter's glass.
ERROR_CORRECTION = "M"
QUIET_ZONE = 4  # modules; the minimum the QR standard asks for
# Bump when the images below change, so cached codes from an older version are not reused.
IMAGE_FORMAT = "3"
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

    from vneid_site.flyers.qr_mask import best_mask

    level = getattr(qrcode.constants, f"ERROR_CORRECT_{ERROR_CORRECTION}")
    code = qrcode.QRCode(error_correction=level, border=QUIET_ZONE)
    code.add_data(data)
    # What code.make(fit=True) does, with the mask it would pick found in a fraction of the
    # time (qr_mask.py).
    code.best_fit()
    code.makeImpl(False, best_mask(code))
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


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_from_matrix(matrix: list[list[bool]]) -> bytes:
    """A black-and-white PNG (1 bit a pixel), PNG_BOX pixels per module; written directly,
    each module row being PNG_BOX identical scanlines."""
    width = len(matrix) * PNG_BOX
    lines = []
    for row in matrix:
        bits = "".join("0" * PNG_BOX if dark else "1" * PNG_BOX for dark in row)  # 0: black
        bits += "1" * (-len(bits) % 8)
        scanline = b"\x00" + int(bits, 2).to_bytes(len(bits) // 8, "big")  # filter: none
        lines.append(scanline * PNG_BOX)
    header = struct.pack(">IIBBBBB", width, width, 1, 0, 0, 0, 0)  # 1-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"".join(lines), 6))  # 9: no smaller, 5x slower
        + _chunk(b"IEND", b"")
    )


def make_qr(data: str) -> QrImages:
    """Encode `data` (an absolute URL) as a QR code in SVG and PNG."""
    matrix = qr_matrix(data)
    return QrImages(svg_from_matrix(matrix), png_from_matrix(matrix))
