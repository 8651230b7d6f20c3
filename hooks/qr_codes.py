"""QR codes of page addresses, as SVG and PNG bytes."""

from __future__ import annotations

import io
from dataclasses import dataclass

import qrcode
import qrcode.constants

# M recovers from ~15% damage: enough for a printed sheet behind a counter's glass.
ERROR_CORRECTION = qrcode.constants.ERROR_CORRECT_M
QUIET_ZONE = 4  # modules; the minimum the QR standard asks for
PNG_BOX = 10  # pixels per module in the PNG


@dataclass(frozen=True)
class QrImages:
    svg: bytes
    png: bytes
    modules: int  # width in modules, quiet zone included


def _code(data: str) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=ERROR_CORRECTION, border=QUIET_ZONE, box_size=PNG_BOX)
    code.add_data(data)
    code.make(fit=True)
    return code


def make_qr(data: str) -> QrImages:
    """Encode `data` (an absolute URL) as a QR code in SVG and PNG."""
    # Imported here: Pillow is only needed when a QR code is not in the cache.
    from qrcode.image.pil import PilImage
    from qrcode.image.svg import SvgPathImage

    code = _code(data)
    svg = io.BytesIO()
    code.make_image(image_factory=SvgPathImage).save(svg)
    png = io.BytesIO()
    code.make_image(image_factory=PilImage).save(png, format="PNG", optimize=True)
    return QrImages(svg.getvalue(), png.getvalue(), code.modules_count + 2 * QUIET_ZONE)
