"""Per-page generated files: QR code (SVG, PNG), flyer PDF and its preview, cached by inputs;
and, for the offices' print packs, the flyer without its contact box and one per office."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from vneid_site.flyers.cache import FileCache, digest, json_digest
from vneid_site.flyers.content import FlyerContent
from vneid_site.flyers.paths import output_paths
from vneid_site.flyers.records import FlyerRecord
from vneid_site.flyers.render import FlyerRenderer, RenderSettings, fingerprint

# Preview thumbnails: 48 ppi gives a 397 x 561 px image of the A4 flyer (sharp at 2x, 200 px).
PREVIEW_PPI = 48
PREVIEW = f".{PREVIEW_PPI}.png"


class CacheMiss(LookupError):
    """A lookup-only builder met a file that must be made (with Typst)."""


@dataclass(frozen=True)
class PageJob:
    """Everything one page's files are made from."""

    content: FlyerContent
    page_url: str  # site-relative, 'en/huong-dan/x/'
    src: str  # 'docs/huong-dan/x.en.md', for messages
    site_dir: Path
    flyer: bool
    inputs: str  # digest of what the page gave, kept in its record
    base: bool = False  # also make the flyer without its contact box (offices' packs)


def qr_base_key() -> str:
    from vneid_site.flyers.qr import IMAGE_FORMAT

    return digest("qr", version("qrcode"), IMAGE_FORMAT)


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
        # False in the MkDocs process while it renders pages: it serves what is cached.
        self.can_make = can_make
        # The template, fonts and engine: worked out once per build by the MkDocs process.
        self.flyer_key = flyer_key or fingerprint(settings)
        self.qr_key = qr_base_key()
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

    def qr_svg(self, url: str) -> tuple[str, bytes]:
        """(cache key, SVG) of the QR code of `url`, made with its PNG on a miss."""
        key = digest(self.qr_key, url)
        svg = self.cache.get(key, ".svg")
        if svg is not None and self.cache.valid(key, ".png"):
            return key, svg
        if not self.can_make:
            raise CacheMiss(key)
        from vneid_site.flyers.qr import make_qr  # qrcode and Pillow, only when making one

        images = make_qr(url)
        self.cache.put(key, ".svg", images.svg)
        self.cache.put(key, ".png", images.png)
        return key, images.svg

    def flyer_data(self, content: FlyerContent, qr_svg: bytes, org: dict[str, Any]) -> dict:
        data = content.as_data()
        data["org"] = org
        data["qr_svg"] = qr_svg.decode("utf-8")
        for extra in data["extra_qr"]:
            extra["svg"] = self.qr_svg(extra["url"])[1].decode("utf-8")
        return data

    def build(self, job: PageJob, org: dict[str, Any]) -> FlyerRecord:
        """Write the QR files and, if the page has one, the flyer PDF and its preview."""
        content, src, site_dir = job.content, job.src, job.site_dir
        paths = output_paths(job.page_url)
        qr_key, qr_svg = self.qr_svg(content.url)
        flyer_key = base_key = None
        pdf = b""
        built = False
        if job.flyer:
            data = self.flyer_data(content, qr_svg, org)
            flyer_key = digest(self.flyer_key, json_digest(data))
            pdf, built = self.cached(flyer_key, ".pdf", lambda: self.renderer.render(data, src=src))
            self.cached(
                flyer_key,
                PREVIEW,
                lambda: self.renderer.render(data, src=src, fmt="png", ppi=PREVIEW_PPI),
            )
            if job.base:
                base = {**data, "contact": False}
                base_key = digest(self.flyer_key, json_digest(base))
                self.cached(base_key, ".pdf", lambda: self.renderer.render(base, src=src))
        record = FlyerRecord(
            page_url=job.page_url,
            title=content.title,
            historical=bool(content.validity and content.validity.get("status") == "historical"),
            paths=paths,
            qr_key=qr_key,
            flyer_key=flyer_key,
            pdf_bytes=len(pdf),
            cached_pdf=self.cache.path(flyer_key, ".pdf") if flyer_key else None,
            inputs=job.inputs,
            base_key=base_key,
            fresh=built,
            updated=content.updated,
        )
        self.place(record, site_dir)
        return record

    def can_place(self, record: FlyerRecord, base: bool) -> bool:
        """Whether every cache entry of a record (from an earlier build) is still whole."""
        entries = [(record.qr_key, ".svg"), (record.qr_key, ".png")]
        if record.flyer_key:
            entries += [(record.flyer_key, ".pdf"), (record.flyer_key, PREVIEW)]
            if base:
                if not record.base_key:
                    return False
                entries.append((record.base_key, ".pdf"))
        return all(self.cache.valid(key, suffix) for key, suffix in entries)

    def place(self, record: FlyerRecord, site_dir: Path) -> None:
        """Put a record's files beside its page."""
        paths = record.paths
        qr_svg = site_dir / paths.qr_svg
        qr_svg.parent.mkdir(parents=True, exist_ok=True)  # every file sits beside the page
        place = self.cache.place
        place(record.qr_key, ".svg", qr_svg, folder_exists=True)
        place(record.qr_key, ".png", site_dir / paths.qr_png, folder_exists=True)
        if record.flyer_key:
            place(record.flyer_key, ".pdf", site_dir / paths.flyer_pdf, folder_exists=True)
            place(record.flyer_key, PREVIEW, site_dir / paths.flyer_png, folder_exists=True)
