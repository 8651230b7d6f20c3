"""The site's web fonts: Be Vietnam Pro cut down to the letters the site can show, as WOFF2,
and the stylesheet that declares them. Made at build time, cached by everything that shapes
them, so a warm build reads them back instead of subsetting again."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from vneid_site.cache import FileCache, digest
from vneid_site.font_files import FAMILY, FONT_DIR, FontError
from vneid_site.package_versions import installed

# Bump when the subsetting changes in a way its other inputs do not show.
FORMAT = "1"
STYLESHEET = "assets/stylesheets/fonts.css"
FONT_FOLDER = "assets/fonts"


@dataclass(frozen=True)
class Face:
    file: str  # the TrueType file in the fontpkg-be-vietnam-pro package
    weight: int
    style: str  # "normal" or "italic"


# Only the (weight, style) pairs the site's CSS asks for, as Chromium computes them on every
# page (tests/browser/test_web_fonts.py checks it): 300 for h2 and the share box's title
# (Material's light headings), 400 for text, 400 italic for <em> (the footer's note is on
# every page), 600 for h1, the header's site name and the flyer titles (site.css), 700 for
# <strong>, labels, buttons and table heads. Nothing asks for 500 or 700 italic.
FACES = (
    Face("BeVietnamPro-Light.ttf", 300, "normal"),
    Face("BeVietnamPro-Regular.ttf", 400, "normal"),
    Face("BeVietnamPro-Italic.ttf", 400, "italic"),
    Face("BeVietnamPro-SemiBold.ttf", 600, "normal"),
    Face("BeVietnamPro-Bold.ttf", 700, "normal"),
)
BODY = FACES[1]  # the face of body text: preloaded by every page

# What the site can show: Google Fonts' "latin" and "vietnamese" ranges (ASCII, Latin-1,
# general punctuation, the dong and euro signs, every precomposed Vietnamese letter, the
# tone marks), plus the combining circumflex, breve and horn, which Vietnamese typed
# decomposed (NFD) needs and that list leaves out. Characters of the site's own text that the
# font has are added to these (see `wanted_code_points`); anything else falls back to the
# next font of the stack, as unicode-range tells the browser.
BASE_RANGES = (
    (0x0000, 0x00FF), (0x0102, 0x0103), (0x0110, 0x0111), (0x0128, 0x0129), (0x0131, 0x0131),
    (0x0152, 0x0153), (0x0168, 0x0169), (0x01A0, 0x01A1), (0x01AF, 0x01B0), (0x02BB, 0x02BC),
    (0x02C6, 0x02C6), (0x02DA, 0x02DA), (0x02DC, 0x02DC), (0x0300, 0x0304), (0x0306, 0x0306),
    (0x0308, 0x0309), (0x031B, 0x031B), (0x0323, 0x0323), (0x0329, 0x0329), (0x1EA0, 0x1EF9),
    (0x2000, 0x206F), (0x2074, 0x2074), (0x20AB, 0x20AC), (0x2122, 0x2122), (0x2191, 0x2191),
    (0x2193, 0x2193), (0x2212, 0x2212), (0x2215, 0x2215), (0xFEFF, 0xFEFF), (0xFFFD, 0xFFFD),
)  # fmt: skip

# Kerning, ligatures and mark positioning keep the text exactly as the full font sets it in
# Chromium; the other features (small caps, figures, fractions...) are unused. Hinting is
# dropped: it halves the files and Chromium, Android and iOS ignore it.
LAYOUT_FEATURES = ("kern", "liga", "mark", "mkmk", "ccmp", "locl")
# Copyright, names and version, and the licence (SIL Open Font License) with its address.
NAME_IDS = (0, 1, 2, 3, 4, 5, 6, 13, 14)


@dataclass(frozen=True)
class WebFont:
    face: Face
    name: str  # file name under assets/fonts/, with a hash of its bytes
    data: bytes
    source: Path  # its verified cache entry, which the build copies into the site
    code_points: frozenset[int]  # what it has glyphs for: its unicode-range
    fresh: bool  # subset by this build, not read from the cache


@dataclass(frozen=True)
class WebFonts:
    fonts: tuple[WebFont, ...]
    stylesheet_source: Path  # fonts.css as a file in the cache (MkDocs copies files)

    @property
    def body(self) -> WebFont:
        return next(font for font in self.fonts if font.face == BODY)

    @property
    def fresh(self) -> int:
        return sum(font.fresh for font in self.fonts)

    @property
    def preload(self) -> str:
        """Site path of the body text's font, which every page preloads."""
        return f"{FONT_FOLDER}/{self.body.name}"

    def site_files(self) -> dict[str, Path]:
        """What the build copies into the site (site path -> file): stylesheet and fonts."""
        files = {STYLESHEET: self.stylesheet_source}
        files.update({f"{FONT_FOLDER}/{font.name}": font.source for font in self.fonts})
        return files


def stylesheet(fonts: Iterable[WebFont]) -> str:
    """fonts.css: one @font-face a file, each with its unicode-range."""
    rules = [
        "/* Be Vietnam Pro (SIL Open Font License 1.1), served from this site: no font CDN.\n"
        "   Made by the build (src/vneid_site/web/fonts.py): cut down to Latin and\n"
        "   Vietnamese, one file a weight the site uses. Other characters fall back to the\n"
        "   next font of Material's stack. */"
    ]
    for font in fonts:
        rules.append(
            "@font-face {\n"
            f'  font-family: "{FAMILY}";\n'
            f"  font-style: {font.face.style};\n"
            f"  font-weight: {font.face.weight};\n"
            "  font-display: swap;\n"
            f'  src: url("../fonts/{font.name}") format("woff2");\n'
            f"  unicode-range: {unicode_range(font.code_points)};\n"
            "}"
        )
    rules.append(f':root {{\n  --md-text-font: "{FAMILY}";\n}}')
    return "\n".join(rules) + "\n"


def code_points(ranges: Iterable[tuple[int, int]]) -> set[int]:
    return {cp for low, high in ranges for cp in range(low, high + 1)}


def unicode_range(points: Iterable[int]) -> str:
    """CSS unicode-range of a set of code points, runs merged: 'U+0041-005A, U+00E0'."""
    runs = _runs(points)
    return ", ".join(f"U+{lo:04X}" if lo == hi else f"U+{lo:04X}-{hi:04X}" for lo, hi in runs)


def wanted_code_points(texts: Iterable[str]) -> set[int]:
    """The base ranges and every character of `texts` (the site's sources)."""
    wanted = code_points(BASE_RANGES)
    for text in texts:
        wanted.update(map(ord, text))
    return wanted


def subset_woff2(ttf: bytes, points: Iterable[int]) -> bytes:
    """The font `ttf` with only the glyphs of `points` (and what they need), as WOFF2."""
    from fontTools import subset

    options = subset.Options()
    options.layout_features = list(LAYOUT_FEATURES)
    options.hinting = False
    options.name_IDs = list(NAME_IDS)
    options.flavor = "woff2"
    font = subset.load_font(io.BytesIO(ttf), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(points))
    subsetter.subset(font)
    out = io.BytesIO()
    subset.save_font(font, out, options)
    return out.getvalue()


def mapped_code_points(cache: FileCache, font: bytes) -> frozenset[int]:
    """The characters a font file (TrueType or WOFF2) maps, kept in `cache` by the file's
    bytes: a warm build neither imports fontTools (60 ms) nor reads a cmap."""
    key = digest("cmap", FORMAT, installed("fonttools"), font)
    if (saved := cache.get(key, ".json")) is not None:
        try:
            runs = json.loads(saved)
            return frozenset(cp for low, high in runs for cp in range(low, high + 1))
        except (ValueError, TypeError):
            pass  # unreadable: read the font again and write the entry anew
    from fontTools.ttLib import TTFont

    points = frozenset(TTFont(io.BytesIO(font), lazy=True).getBestCmap())
    cache.put(key, ".json", json.dumps(_runs(points), separators=(",", ":")).encode())
    return points


def _runs(points: Iterable[int]) -> list[list[int]]:
    """Sorted code points as [first, last] runs of consecutive ones."""
    runs: list[list[int]] = []
    for cp in sorted(points):
        if runs and cp == runs[-1][1] + 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return runs


def build_web_fonts(cache: FileCache, texts: Iterable[str], font_dir: Path = FONT_DIR) -> WebFonts:
    """Every face of FACES, subset to what the site can show; from `cache` when it has them."""
    missing = [face.file for face in FACES if not (font_dir / face.file).is_file()]
    if missing:
        raise FontError(
            f"Be Vietnam Pro font files not found: {', '.join(missing)}\n"
            "fix: reinstall the pinned requirements: make site (or pip install -r requirements.txt)"
        )
    wanted = wanted_code_points(texts)
    engine = (FORMAT, installed("fonttools"), installed("brotli"), *LAYOUT_FEATURES, str(NAME_IDS))
    fonts = []
    for face in FACES:
        ttf = (font_dir / face.file).read_bytes()
        has = mapped_code_points(cache, ttf)
        key = digest(*engine, ttf, unicode_range(wanted & has))
        data = cache.get(key, ".woff2")
        fresh = data is None
        if data is None:
            data = subset_woff2(ttf, wanted & has)
            cache.put(key, ".woff2", data)
        # What the file really maps (a glyph kept for another may bring its own character):
        # the unicode-range says exactly this.
        points = mapped_code_points(cache, data)
        name = f"{Path(face.file).stem}.{hashlib.sha256(data).hexdigest()[:10]}.woff2"
        fonts.append(WebFont(face, name, data, cache.path(key, ".woff2"), points, fresh))
    css = stylesheet(fonts).encode("utf-8")
    key = digest("fonts.css", css)
    if cache.get(key, ".css") is None:
        cache.put(key, ".css", css)
    return WebFonts(tuple(fonts), cache.path(key, ".css"))
