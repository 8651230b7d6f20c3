"""Where a page's generated files sit in the built site: beside the page."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OutputPaths:
    """Site-relative paths of a page's generated files."""

    qr_svg: str
    qr_png: str
    flyer_pdf: str
    flyer_png: str


def output_paths(page_url: str) -> OutputPaths:
    """Files sit beside the page: 'a/b/' -> 'a/b/qr.svg'; 'a/b.html' -> 'a/b.qr.svg'."""
    if page_url in ("", ".", "./") or page_url.endswith("/"):
        base = page_url if page_url.endswith("/") else ""
        return OutputPaths(f"{base}qr.svg", f"{base}qr.png", f"{base}flyer.pdf", f"{base}flyer.png")
    stem = page_url.rsplit(".", 1)[0]
    return OutputPaths(f"{stem}.qr.svg", f"{stem}.qr.png", f"{stem}.flyer.pdf", f"{stem}.flyer.png")
