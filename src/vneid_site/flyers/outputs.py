"""Per-page generated files: QR code (SVG, PNG), flyer PDF and its previews, the A4 and A3
posters, and, for the offices' packs, the flyer and posters without their contact box.

Every file is a cache entry whose key is worked out from the page's data alone (page_keys),
without Typst or qrcode, so the MkDocs process knows before any work starts whether a page's
files are all in the cache (missing). A builder makes only the entries a page lacks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vneid_site.cache import FileCache, digest, json_digest
from vneid_site.flyers import previews
from vneid_site.flyers.content import FlyerContent
from vneid_site.flyers.paths import PAPER_NAMES, PAPERS, output_paths
from vneid_site.flyers.records import FlyerRecord, PosterRecord
from vneid_site.flyers.render import FlyerError, FlyerRenderer, RenderSettings, fingerprint
from vneid_site.flyers.rules import PrintRules
from vneid_site.package_versions import installed

if TYPE_CHECKING:
    from vneid_site.flyers.pdf_pages import FormCache

# The previews' cache entries, 1x then 2x (see previews.py).
PREVIEWS = tuple(previews.cache_suffix(scale) for scale in previews.SCALES)


@dataclass(frozen=True)
class PosterKeys:
    paper: str
    key: str
    base: str | None  # without its contact box, for the offices' packs


@dataclass(frozen=True)
class PageKeys:
    """The cache entries of a page's files."""

    qr: str  # .svg, .png
    extra_qr: tuple[str, ...] = ()  # the extra codes a flyer prints
    flyer: str | None = None  # .pdf, .body, previews; None: the page has no flyer
    base: str | None = None  # the flyer without its contact box
    posters: tuple[PosterKeys, ...] = ()

    def entries(self) -> list[tuple[str, str]]:
        """Every (key, suffix) the page's record needs."""
        found = [(self.qr, ".svg"), (self.qr, ".png")]
        if self.flyer:
            found += [(self.flyer, suffix) for suffix in (".pdf", ".body", *PREVIEWS)]
        if self.base:
            found.append((self.base, ".pdf"))
        for poster in self.posters:
            found.append((poster.key, ".pdf"))
            if poster.base:
                found.append((poster.base, ".pdf"))
        return found


@dataclass(frozen=True)
class PageJob:
    """Everything one page's files are made from, and their cache keys."""

    content: FlyerContent
    page_url: str  # site-relative, 'en/huong-dan/x/'
    src: str  # 'docs/huong-dan/x.en.md', for messages
    site_dir: Path
    keys: PageKeys
    inputs: str = ""  # digest of what the page gave, kept in its record
    rules: PrintRules = field(default_factory=PrintRules)
    empty: str = ""  # the warning for a flyer that says next to nothing (rules.py), or ""


def qr_base_key() -> str:
    from vneid_site.flyers.qr import IMAGE_FORMAT

    return digest("qr", installed("qrcode"), IMAGE_FORMAT)


def flyer_data(
    content: FlyerContent, org: dict[str, Any], rules: PrintRules, svg: dict[str, str]
) -> dict[str, Any]:
    """The flyer template's data; `svg` gives each QR code by address (or its cache key, for
    the flyer's own key: the code is made from the address alone)."""
    data = content.as_data()
    data["org"] = org
    data["qr_svg"] = svg[content.url]
    for extra in data["extra_qr"]:
        extra["svg"] = svg[extra["url"]]
    data["min_size"] = rules.min_body_size
    return data


def poster_data(
    content: FlyerContent, org: dict[str, Any], rules: PrintRules, svg: str, paper: str
) -> dict[str, Any]:
    return {
        **content.poster_data(),
        "org": org,
        "qr_svg": svg,
        "paper": paper,
        "min_size": rules.min_poster_size,
    }


def page_keys(
    content: FlyerContent,
    *,
    flyer: bool,
    base: bool,
    org: dict[str, Any],
    rules: PrintRules,
    flyer_key: str,
    qr_key: str,
) -> PageKeys:
    """The cache keys of a page's files: the flyer's (and posters') data, its codes standing
    for themselves by their keys."""
    codes = {
        url: digest(qr_key, url) for url in [content.url, *(q.url for q in content.extra_codes)]
    }
    main = codes[content.url]
    if not flyer:
        return PageKeys(main)
    data = flyer_data(content, org, rules, codes)
    key = digest(flyer_key, json_digest(data))
    posters = []
    for paper in PAPERS:
        poster = poster_data(content, org, rules, main, paper)
        p_key = digest(flyer_key, "poster", json_digest(poster))
        p_base = digest(flyer_key, "poster", json_digest({**poster, "contact": False}))
        posters.append(PosterKeys(paper, p_key, p_base if base else None))
    return PageKeys(
        main,
        tuple(codes[q.url] for q in content.extra_codes),
        key,
        digest(flyer_key, json_digest({**data, "contact": False})) if base else None,
        tuple(posters),
    )


class PageOutputBuilder:
    """Makes each page's QR code, flyer, previews and posters into the cache, as much as a
    page lacks, and places them beside the page. One per process (jobs.py)."""

    def __init__(self, settings: RenderSettings, cache: FileCache, flyer_key: str = "") -> None:
        self.settings = settings
        self.cache = cache
        # The template, fonts and engine: worked out once per build by the MkDocs process.
        self.flyer_key = flyer_key or fingerprint(settings)
        self.qr_key = qr_base_key()
        self._forms: FormCache | None = None
        self._renderer: FlyerRenderer | None = None

    @property
    def forms(self) -> FormCache:
        """The flyers' pages that packs are put together from, kept from one pack to the next."""
        # Created on first need: pikepdf (17 MB, 80 ms to import) only in a process making packs.
        if self._forms is None:
            from vneid_site.flyers.pdf_pages import FormCache

            self._forms = FormCache()
        return self._forms

    @property
    def renderer(self) -> FlyerRenderer:
        # Created on first need: a build where every flyer is cached never starts Typst.
        if self._renderer is None:
            self._renderer = FlyerRenderer(self.settings)
        return self._renderer

    def missing(self, keys: PageKeys) -> bool:
        """Whether any of a page's files must be made (the cache index answers, by size and
        time, without reading the files)."""
        return not all(self.cache.valid(key, suffix) for key, suffix in keys.entries())

    def _qr_svg(self, url: str, key: str) -> str:
        """The SVG of the QR code of `url`, made with its PNG on a miss."""
        svg = self.cache.get(key, ".svg")
        if svg is None or not self.cache.valid(key, ".png"):
            from vneid_site.flyers.qr import make_qr  # qrcode, only when making one

            images = make_qr(url)
            self.cache.put(key, ".svg", images.svg)
            self.cache.put(key, ".png", images.png)
            svg = images.svg
        return svg.decode("utf-8")

    def _make(self, key: str, suffix: str, make: Any) -> bool:
        """Make an entry if it is missing; whether it was made."""
        if self.cache.valid(key, suffix):
            return False
        self.cache.put(key, suffix, make())
        return True

    def build(self, job: PageJob, org: dict[str, Any]) -> FlyerRecord:
        """Make what the page lacks of its files, place them, and return its record."""
        content, keys, src = job.content, job.keys, job.src
        main = self._qr_svg(content.url, keys.qr) if self.missing(PageKeys(keys.qr)) else ""
        built = False
        if keys.flyer and self.missing(keys):
            codes = {content.url: main or self._qr_svg(content.url, keys.qr)}
            for extra, key in zip(content.extra_codes, keys.extra_qr, strict=True):
                codes[extra.url] = self._qr_svg(extra.url, key)
            data = flyer_data(content, org, job.rules, codes)
            if not (self.cache.valid(keys.flyer, ".pdf") and self.cache.valid(keys.flyer, ".body")):
                pdf = self.renderer.render(data, src=src)
                self.cache.put(keys.flyer, ".body", f"{self.renderer.body_size():g}".encode())
                self.cache.put(keys.flyer, ".pdf", pdf)
                built = True
            if not all(self.cache.valid(keys.flyer, suffix) for suffix in PREVIEWS):
                png = self.renderer.render(data, src=src, fmt="png", ppi=previews.render_ppi())
                for suffix, image in zip(PREVIEWS, previews.from_render(png), strict=True):
                    self.cache.put(keys.flyer, suffix, image)
            if keys.base:
                base = {**data, "contact": False}
                self._make(keys.base, ".pdf", lambda: self.renderer.render(base, src=src))
            for poster in keys.posters:
                data = poster_data(content, org, job.rules, codes[content.url], poster.paper)
                shown = f"{src} (poster, {PAPER_NAMES[poster.paper]})"
                built |= self._make(
                    poster.key,
                    ".pdf",
                    lambda d=data, s=shown: self.renderer.render_poster(d, src=s),
                )
                if poster.base:
                    bare = {**data, "contact": False}
                    self._make(
                        poster.base,
                        ".pdf",
                        lambda d=bare, s=shown: self.renderer.render_poster(d, src=s),
                    )
        record = self.record(job, built)
        self.place(record, job.site_dir)
        return record

    def record(self, job: PageJob, fresh: bool) -> FlyerRecord:
        """The record of a page whose files are all in the cache."""
        keys, content = job.keys, job.content
        size = self.cache.size
        body = self.cache.get(keys.flyer, ".body") if keys.flyer else b"0"
        if keys.flyer and body is None:
            raise FlyerError(f"{job.src}: the flyer's cache entry was removed during the build")
        return FlyerRecord(
            page_url=job.page_url,
            title=content.title,
            historical=bool(content.validity and content.validity.get("status") == "historical"),
            paths=output_paths(job.page_url),
            qr_key=keys.qr,
            flyer_key=keys.flyer,
            pdf_bytes=(size(keys.flyer, ".pdf") or 0) if keys.flyer else 0,
            cached_pdf=self.cache.path(keys.flyer, ".pdf") if keys.flyer else None,
            inputs=job.inputs,
            base_key=keys.base,
            fresh=fresh,
            updated=content.updated,
            body_size=float(body or 0),
            posters=tuple(
                PosterRecord(p.paper, p.key, size(p.key, ".pdf") or 0, p.base) for p in keys.posters
            ),
            empty=job.empty if keys.flyer else "",
        )

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
                entries += [(p.base_key, ".pdf") for p in record.posters if p.base_key]
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
