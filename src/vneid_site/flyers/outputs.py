"""Per-page generated files: QR code (SVG, PNG), flyer PDF and its preview, cached by inputs."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path
from typing import Any

from vneid_site.flyers import previews
from vneid_site.flyers.cache import FileCache, digest, json_digest
from vneid_site.flyers.content import FlyerContent
from vneid_site.flyers.paths import output_paths
from vneid_site.flyers.qr import IMAGE_FORMAT, QrImages, make_qr
from vneid_site.flyers.records import FlyerRecord
from vneid_site.flyers.render import FlyerRenderer, RenderSettings, fingerprint


class CacheMiss(LookupError):
    """A lookup-only builder met a file that must be made (by the worker, with Typst)."""


class PageOutputBuilder:
    """Writes each page's QR code and flyer into the site, from the cache when it can."""

    def __init__(
        self,
        settings: RenderSettings,
        cache: FileCache,
        *,
        flyer_key: str | None = None,
        can_make: bool = True,
    ) -> None:
        self.settings = settings
        self.cache = cache
        # False in the MkDocs process: it serves what is cached and leaves the rest to the worker.
        self.can_make = can_make
        # The template, fonts and engine: worked out once per build by the MkDocs process.
        self.flyer_key = flyer_key or fingerprint(settings)
        self.qr_key = digest("qr", version("qrcode"), IMAGE_FORMAT)
        self._renderer: FlyerRenderer | None = None

    @property
    def renderer(self) -> FlyerRenderer:
        # Created on first need: a build where every flyer is cached never starts Typst.
        if self._renderer is None:
            self._renderer = FlyerRenderer(self.settings)
        return self._renderer

    def cached(self, key: str, suffix: str, make: Any) -> tuple[bytes, bool]:
        """(bytes, built) for a cache entry, calling `make()` on a miss."""
        data = self.cache.get(key, suffix)
        if data is not None:
            return data, False
        if not self.can_make:
            raise CacheMiss(key)
        data = make()
        self.cache.put(key, suffix, data)
        return data, True

    def preview(self, data: dict[str, Any], src: str, scale: int) -> bytes:
        """The flyer's preview image for screens of `scale` (see previews.py)."""
        png = self.renderer.render(data, src=src, fmt="png", ppi=previews.ppi(scale))
        return previews.palette_png(png)

    def qr(self, url: str) -> tuple[str, QrImages]:
        """(cache key, images) of the QR code of `url`."""
        key = digest(self.qr_key, url)
        svg, png = self.cache.get(key, ".svg"), self.cache.get(key, ".png")
        if svg is not None and png is not None:
            return key, QrImages(svg, png)
        if not self.can_make:
            raise CacheMiss(key)
        images = make_qr(url)
        self.cache.put(key, ".svg", images.svg)
        self.cache.put(key, ".png", images.png)
        return key, images

    def flyer_data(
        self, content: FlyerContent, main_qr: QrImages, org: dict[str, Any]
    ) -> dict[str, Any]:
        data = content.as_data()
        data["org"] = org
        data["qr_svg"] = main_qr.svg.decode("utf-8")
        for extra in data["extra_qr"]:
            extra["svg"] = self.qr(extra["url"])[1].svg.decode("utf-8")
        return data

    def build(
        self,
        *,
        content: FlyerContent,
        page_url: str,
        src: str,
        site_dir: Path,
        org: dict[str, Any],
        flyer: bool,
    ) -> FlyerRecord | None:
        """Write the QR files and, if `flyer`, the flyer PDF and its preview, of one page.

        `page_url` is the page's site-relative URL; `content.url` its absolute address.
        """
        paths = output_paths(page_url)
        qr_key, main_qr = self.qr(content.url)
        self.cache.place(qr_key, ".svg", site_dir / paths.qr_svg, main_qr.svg)
        self.cache.place(qr_key, ".png", site_dir / paths.qr_png, main_qr.png)
        if not flyer:
            return None
        data = self.flyer_data(content, main_qr, org)
        key = digest(self.flyer_key, json_digest(data))
        pdf, built = self.cached(key, ".pdf", lambda: self.renderer.render(data, src=src))
        self.cache.place(key, ".pdf", site_dir / paths.flyer_pdf, pdf)
        for scale, path in zip(previews.SCALES, (paths.flyer_png, paths.flyer_png_2x), strict=True):
            suffix = previews.cache_suffix(scale)
            png, _ = self.cached(key, suffix, lambda s=scale: self.preview(data, src, s))
            self.cache.place(key, suffix, site_dir / path, png)
        historical = bool(content.validity and content.validity.get("status") == "historical")
        return FlyerRecord(
            page_url,
            content.title,
            historical,
            paths,
            len(pdf),
            self.cache.path(key, ".pdf"),
            built,
        )
