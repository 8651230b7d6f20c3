"""Per-page generated files: the QR code (SVG, PNG) and the flyer PDF, cached by their inputs."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from atomic_write import write_bytes_atomic
from build_cache import FileCache, digest, json_digest
from flyer_content import FlyerContent
from flyer_render import FlyerRenderer, RenderSettings, fingerprint
from qr_codes import QrImages, make_qr


@dataclass(frozen=True)
class OutputPaths:
    """Site-relative paths of a page's generated files."""

    qr_svg: str
    qr_png: str
    flyer_pdf: str


def output_paths(page_url: str) -> OutputPaths:
    """Files sit beside the page: 'a/b/' -> 'a/b/qr.svg'; 'a/b.html' -> 'a/b.qr.svg'."""
    if page_url in ("", ".", "./") or page_url.endswith("/"):
        base = page_url if page_url.endswith("/") else ""
        return OutputPaths(f"{base}qr.svg", f"{base}qr.png", f"{base}flyer.pdf")
    stem = page_url.rsplit(".", 1)[0]
    return OutputPaths(f"{stem}.qr.svg", f"{stem}.qr.png", f"{stem}.flyer.pdf")


@dataclass
class BuildStats:
    built: int = 0
    cached: int = 0
    pages: list[str] = field(default_factory=list)


class PageOutputBuilder:
    """Writes each page's QR code and flyer into the site, from the cache when it can."""

    def __init__(self, settings: RenderSettings, cache: FileCache, org: dict[str, Any]) -> None:
        self.settings = settings
        self.cache = cache
        self.org = org
        self.flyer_key = fingerprint(settings)
        self.qr_key = digest("qr", version("qrcode"))
        self._renderer: FlyerRenderer | None = None
        self.stats = BuildStats()

    @property
    def renderer(self) -> FlyerRenderer:
        # Created on first need: a build where every flyer is cached never starts Typst.
        if self._renderer is None:
            self._renderer = FlyerRenderer(self.settings)
        return self._renderer

    def qr(self, url: str) -> QrImages:
        key = digest(self.qr_key, url)
        svg, png = self.cache.get(key, ".svg"), self.cache.get(key, ".png")
        if svg is not None and png is not None:
            return QrImages(svg, png, 0)
        images = make_qr(url)
        self.cache.put(key, ".svg", images.svg)
        self.cache.put(key, ".png", images.png)
        return images

    def flyer_data(self, content: FlyerContent, main_qr: QrImages) -> dict[str, Any]:
        data = content.as_data()
        data["org"] = self.org
        data["qr_svg"] = main_qr.svg.decode("utf-8")
        for extra in data["extra_qr"]:
            extra["svg"] = self.qr(extra["url"]).svg.decode("utf-8")
        return data

    def build(
        self, *, content: FlyerContent, page_url: str, src: str, site_dir: Path, flyer: bool
    ) -> None:
        """Write the QR files and, if `flyer`, the flyer PDF of one page.

        `page_url` is the page's site-relative URL; `content.url` its absolute address.
        """
        paths = output_paths(page_url)
        main_qr = self.qr(content.url)
        write_bytes_atomic(site_dir / paths.qr_svg, main_qr.svg)
        write_bytes_atomic(site_dir / paths.qr_png, main_qr.png)
        if not flyer:
            return
        data = self.flyer_data(content, main_qr)
        key = digest(self.flyer_key, json_digest(data))
        pdf = self.cache.get(key, ".pdf")
        if pdf is None:
            pdf = self.renderer.render(data, src=src)
            self.cache.put(key, ".pdf", pdf)
            self.stats.built += 1
            self.stats.pages.append(src)
        else:
            self.stats.cached += 1
        write_bytes_atomic(site_dir / paths.flyer_pdf, pdf)
