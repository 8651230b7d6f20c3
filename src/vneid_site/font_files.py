"""The font files the site serves itself and the flyers embed."""

from __future__ import annotations

from pathlib import Path

import fontpkg_be_vietnam_pro
import fontpkg_ibm_plex_mono

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


# Folders Typst reads the flyer fonts from. Typst gets only these, not its own bundled fonts:
# less memory, and a monospaced face with Vietnamese for inline code.
FLYER_FONT_DIRS = (FONT_DIR, fontpkg_ibm_plex_mono.ROOT / "files")
FLYER_FAMILIES = (FAMILY, fontpkg_ibm_plex_mono.FAMILY)


class FontError(RuntimeError):
    """A font file the site needs is not installed."""


def web_font_files() -> list[Path]:
    """Paths of the font files to copy under the site's assets/fonts/."""
    return _existing([FONT_DIR / name for name in WEB_FACES])


def flyer_font_dirs() -> list[Path]:
    """Folders holding the font files the flyers are set in."""
    empty = [str(folder) for folder in FLYER_FONT_DIRS if not any(folder.glob("*.ttf"))]
    if empty:
        raise FontError(
            f"flyer fonts not found in: {', '.join(empty)}\n"
            "fix: reinstall the pinned requirements: make site (or pip install -r requirements.txt)"
        )
    return list(FLYER_FONT_DIRS)


def _existing(paths: list[Path]) -> list[Path]:
    missing = [p.name for p in paths if not p.is_file()]
    if missing:
        raise FontError(
            f"Be Vietnam Pro font files not found: {', '.join(missing)}\n"
            "fix: reinstall the pinned requirements: make site (or pip install -r requirements.txt)"
        )
    return paths
