"""Per-page generated files: QR code (SVG, PNG), flyer PDF and its preview, the A4 and A3
posters, cached by inputs; and, for the offices' print packs, the flyer and posters without
their contact box."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from vneid_site.flyers import previews
from vneid_site.flyers.cache import FileCache, digest, json_digest
from vneid_site.flyers.content import FlyerContent
from vneid_site.flyers.paths import PAPER_NAMES, PAPERS, output_paths
from vneid_site.flyers.records import FlyerRecord, PosterRecord
from vneid_site.flyers.render import FlyerRenderer, RenderSettings, fingerprint
from vneid_site.flyers.rules import PrintRules

# The previews' cache entries, 1x then 2x (see previews.py).
PREVIEWS = tuple(previews.cache_suffix(scale) for scale in previews.SCALES)


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
    base: bool = False  # also make the flyer and posters without their contact box (offices)
    rules: PrintRules = field(default_factory=PrintRules)
    empty: str = ""  # the warning for a flyer that says next to nothing (rules.py), or ""


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

    def cached(self, key: str, suffix: str, make: Any) -> tuple[int, bool]:
        """(size, built) of a cache entry, calling `make()` for its bytes on a miss."""
        size = self.cache.size(key, suffix)
        if size is not None:
            return size, False
        if not self.can_make:
            raise CacheMiss(key)
        data = make()
        self.cache.put(key, suffix, data)
        return len(data), True

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

    def previews(self, key: str, data: dict[str, Any], src: str) -> None:
        """The flyer's preview images for the flyers page, made on a miss from one render."""
        if all(self.cache.valid(key, suffix) for suffix in PREVIEWS):
            return
        if not self.can_make:
            raise CacheMiss(key)
        png = self.renderer.render(data, src=src, fmt="png", ppi=previews.render_ppi())
        for suffix, image in zip(PREVIEWS, previews.from_render(png), strict=True):
            self.cache.put(key, suffix, image)

    def sized_flyer(self, key: str, data: dict[str, Any], src: str) -> tuple[int, float, bool]:
        """(PDF size, body type size, built) of a flyer, made on a miss; the body size is kept
        beside the PDF, so a flyer from the cache still knows it."""
        size, body = self.cache.size(key, ".pdf"), self.cache.get(key, ".body")
        if size is not None and body is not None:
            return size, float(body), False
        if not self.can_make:
            raise CacheMiss(key)
        pdf, body_size = self.renderer.render_sized(data, src=src)
        self.cache.put(key, ".pdf", pdf)
        self.cache.put(key, ".body", f"{body_size:g}".encode())
        return len(pdf), body_size, True

    def posters(
        self, job: PageJob, qr_svg: bytes, org: dict[str, Any]
    ) -> tuple[tuple[PosterRecord, ...], bool]:
        """The page's A4 and A3 posters (and their copies without a contact box, for the
        offices), made on a miss: (records, any built)."""
        records, built = [], False
        for paper in PAPERS:
            data = {
                **job.content.poster_data(),
                "org": org,
                "qr_svg": qr_svg.decode("utf-8"),
                "paper": paper,
                "min_size": job.rules.min_poster_size,
            }
            key = digest(self.flyer_key, "poster", json_digest(data))
            src = f"{job.src} (poster, {PAPER_NAMES[paper]})"
            size, fresh = self.cached(
                key, ".pdf", lambda data=data, src=src: self.renderer.render_poster(data, src=src)
            )
            base_key = None
            if job.base:
                base = {**data, "contact": False}
                base_key = digest(self.flyer_key, "poster", json_digest(base))
                self.cached(
                    base_key, ".pdf", lambda b=base, s=src: self.renderer.render_poster(b, src=s)
                )
            records.append(PosterRecord(paper, key, size, base_key))
            built = built or fresh
        return tuple(records), built

    def build(self, job: PageJob, org: dict[str, Any]) -> FlyerRecord:
        """Write the QR files and, if the page has one, the flyer PDF, its preview and the
        posters."""
        content, src, site_dir = job.content, job.src, job.site_dir
        paths = output_paths(job.page_url)
        qr_key, qr_svg = self.qr_svg(content.url)
        flyer_key = base_key = None
        pdf_bytes, body_size, posters = 0, 0.0, ()
        built = False
        if job.flyer:
            data = self.flyer_data(content, qr_svg, org)
            data["min_size"] = job.rules.min_body_size
            flyer_key = digest(self.flyer_key, json_digest(data))
            pdf_bytes, body_size, built = self.sized_flyer(flyer_key, data, src)
            self.previews(flyer_key, data, src)
            if job.base:
                base = {**data, "contact": False}
                base_key = digest(self.flyer_key, json_digest(base))
                self.cached(base_key, ".pdf", lambda: self.renderer.render(base, src=src))
            posters, posters_built = self.posters(job, qr_svg, org)
            built = built or posters_built
        record = FlyerRecord(
            page_url=job.page_url,
            title=content.title,
            historical=bool(content.validity and content.validity.get("status") == "historical"),
            paths=paths,
            qr_key=qr_key,
            flyer_key=flyer_key,
            pdf_bytes=pdf_bytes,
            cached_pdf=self.cache.path(flyer_key, ".pdf") if flyer_key else None,
            inputs=job.inputs,
            base_key=base_key,
            fresh=built,
            updated=content.updated,
            body_size=body_size,
            posters=posters,
            empty=job.empty if job.flyer else "",
        )
        self.place(record, site_dir)
        return record

    def can_place(self, record: FlyerRecord, base: bool) -> bool:
        """Whether every cache entry of a record (from an earlier build) is still whole."""
        entries = [(record.qr_key, ".svg"), (record.qr_key, ".png")]
        if record.flyer_key:
            entries += [(record.flyer_key, suffix) for suffix in (".pdf", *PREVIEWS)]
            entries += [(poster.key, ".pdf") for poster in record.posters]
            if len(record.posters) != len(PAPERS):
                return False
            if base:
                if not record.base_key or not all(p.base_key for p in record.posters):
                    return False
                entries.append((record.base_key, ".pdf"))
                entries += [(poster.base_key, ".pdf") for poster in record.posters]
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
            for suffix, path in zip(PREVIEWS, (paths.flyer_png, paths.flyer_png_2x), strict=True):
                place(record.flyer_key, suffix, site_dir / path, folder_exists=True)
            for poster in record.posters:
                place(poster.key, ".pdf", site_dir / paths.poster(poster.paper), folder_exists=True)
