"""The font files the flyers embed, and the family the site serves itself (web/fonts.py)."""

from __future__ import annotations

from pathlib import Path

import fontpkg_be_vietnam_pro
import fontpkg_ibm_plex_mono

from vneid_site.errors import SiteError

FAMILY = fontpkg_be_vietnam_pro.FAMILY
FONT_DIR = fontpkg_be_vietnam_pro.ROOT / "files"

# Folders Typst reads the flyer fonts from. Typst gets only these, not its own bundled fonts:
# less memory, and a monospaced face with Vietnamese for inline code.
FLYER_FONT_DIRS = (FONT_DIR, fontpkg_ibm_plex_mono.ROOT / "files")
FLYER_FAMILIES = (FAMILY, fontpkg_ibm_plex_mono.FAMILY)


class FontError(SiteError):
    """A font file the site needs is not installed."""


def flyer_font_dirs() -> list[Path]:
    """Folders holding the font files the flyers are set in."""
    empty = [str(folder) for folder in FLYER_FONT_DIRS if not any(folder.glob("*.ttf"))]
    if empty:
        raise FontError(
            f"flyer fonts not found in: {', '.join(empty)}\n"
            "fix: reinstall the pinned requirements: make site (or pip install -r requirements.txt)"
        )
    return list(FLYER_FONT_DIRS)
