"""The Be Vietnam Pro font files the site serves itself and the flyers embed."""

from __future__ import annotations

from pathlib import Path

import fontpkg_be_vietnam_pro

FAMILY = fontpkg_be_vietnam_pro.FAMILY
FONT_DIR = fontpkg_be_vietnam_pro.ROOT / "files"

# The faces the web stylesheet declares (docs/assets/stylesheets/fonts.css).
WEB_FACES = (
    "BeVietnamPro-Light.ttf",
    "BeVietnamPro-Regular.ttf",
    "BeVietnamPro-Italic.ttf",
    "BeVietnamPro-Medium.ttf",
    "BeVietnamPro-SemiBold.ttf",
    "BeVietnamPro-Bold.ttf",
    "BeVietnamPro-BoldItalic.ttf",
)


class FontError(RuntimeError):
    """A font file the site needs is not installed."""


def web_font_files() -> list[Path]:
    """Paths of the font files to copy under the site's assets/fonts/."""
    paths = [FONT_DIR / name for name in WEB_FACES]
    missing = [p.name for p in paths if not p.is_file()]
    if missing:
        raise FontError(
            f"Be Vietnam Pro font files not found: {', '.join(missing)}\n"
            "--> reinstall the pinned requirements: pip install -r requirements.txt"
        )
    return paths
