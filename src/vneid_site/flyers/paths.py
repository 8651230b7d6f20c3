"""Where a page's generated files sit in the built site: beside the page."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OutputPaths:
    """Site-relative paths of a page's generated files."""

    qr_svg: str
    qr_png: str
    flyer_pdf: str
    flyer_png: str  # the preview on the flyers page, for 1x screens
    flyer_png_2x: str  # and for 2x and 3x screens
    poster_a4: str  # the large-print poster, A4 portrait
    poster_a3: str  # and A3 portrait

    def poster(self, paper: str) -> str:
        """The poster of `paper` ("a4", "a3")."""
        return self.poster_a3 if paper == "a3" else self.poster_a4


# In the order of OutputPaths' fields.
NAMES = (
    "qr.svg",
    "qr.png",
    "flyer.pdf",
    "flyer.png",
    "flyer-2x.png",
    "poster-a4.pdf",
    "poster-a3.pdf",
)
# The posters' papers, smallest first, and their names as printed.
PAPERS = ("a4", "a3")
PAPER_NAMES = {"a4": "A4", "a3": "A3"}


def output_paths(page_url: str) -> OutputPaths:
    """Files sit beside the page: 'a/b/' -> 'a/b/qr.svg'; 'a/b.html' -> 'a/b.qr.svg'."""
    if page_url in ("", ".", "./") or page_url.endswith("/"):
        base = page_url if page_url.endswith("/") else ""
        return OutputPaths(*(f"{base}{name}" for name in NAMES))
    stem = page_url.rsplit(".", 1)[0]
    return OutputPaths(*(f"{stem}.{name}" for name in NAMES))
