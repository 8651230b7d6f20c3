"""One language's flyer work in one build: made whole when the build starts, so nothing of an
earlier build (a failed one, or the last rebuild of `mkdocs serve`) leaks into it."""

from __future__ import annotations

import logging
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vneid_site.content.schema import PageMeta
from vneid_site.flyers import previews, worker
from vneid_site.flyers.cache import FileCache, digest
from vneid_site.flyers.content import extract
from vneid_site.flyers.outputs import CacheMiss, PageOutputBuilder
from vneid_site.flyers.packs import LAYOUTS, Pack, PackJob, build_packs
from vneid_site.flyers.pool import WorkerPool
from vneid_site.flyers.records import FlyerRecord, in_order, load_manifest, save_manifest
from vneid_site.flyers.render import fingerprint
from vneid_site.flyers.settings import FlyerSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FlyerSummary:
    """What a finished build made, for the log and the flyers page."""

    lang: str
    pages: int  # pages given a QR code
    built: int  # flyers made by this build
    cached: int  # flyers taken from the cache
    packs_built: int
    packs_kept: tuple[str, ...]  # pages whose flyer is unknown, so the packs were left alone
    catalogue: dict[str, Any]

    def report(self) -> list[str]:
        """The lines the build log shows."""
        lines = [
            f"QR codes for {self.pages} pages; flyers: {self.built} built, {self.cached} from "
            f"cache; print packs: {self.packs_built} built ({self.lang})"
        ]
        if self.packs_kept:
            lines.append(
                f"print packs ({self.lang}) left as they were: no flyer yet for "
                f"{', '.join(self.packs_kept[:5])}. A full build (without --dirty) remakes them"
            )
        return lines


class FlyerBuild:
    def __init__(
        self, settings: FlyerSettings, pool: WorkerPool, pages: dict[str, PageMeta]
    ) -> None:
        self.settings = settings
        self.pool = pool
        self.pages = pages  # every page's front matter, by docs path (filled by the site hook)
        cache = FileCache(settings.cache_dir)
        swept = cache.sweep()
        if swept:
            log.debug(f"removed {swept} temporary file(s) left in {settings.cache_dir}")
        key = fingerprint(settings.render)
        self.setup = worker.Setup(settings.render, settings.cache_dir, key, settings.org)
        # Serves what the cache holds without starting Typst; the worker makes the rest.
        self.lookup = PageOutputBuilder(
            settings.render, cache, flyer_key=self.setup.flyer_key, can_make=False
        )
        self.order: tuple[str, ...] = ()
        self.records: dict[str, FlyerRecord | None] = {}
        self.pending: dict[str, Future[Any]] = {}
        self.packs: Future[Any] | list[tuple[Pack, bool]] | None = None
        self.packs_kept: tuple[str, ...] = ()
        self.summary: FlyerSummary | None = None

    @property
    def manifest(self) -> Path:
        key = digest(str(self.settings.site_dir.resolve()), self.settings.lang)[:24]
        return self.settings.cache_dir / "manifests" / f"{key}.json"

    def add_page(
        self, src: str, html: str, meta: PageMeta, lang: str, url: str, page_url: str
    ) -> None:
        """Write the QR code and flyer of a rendered page (its absolute `url`, its site-relative
        `page_url`) from the cache, or queue them in the worker."""
        content = extract(html=html, meta=meta, lang=lang, page_url=url, src=f"docs/{src}")
        flyer = meta.flyer.enabled
        job = {"content": content, "page_url": page_url, "src": f"docs/{src}", "flyer": flyer}
        job["site_dir"] = self.settings.site_dir
        try:
            self.records[src] = self.lookup.build(org=self.settings.org, **job)
        except CacheMiss:
            self.pending[src] = self.pool.submit(worker.build_page, setup=self.setup, **job)

    def queue_packs(self, sources: list[str]) -> None:
        """Queue the print packs once every page of `sources` (docs paths of this language's
        build) has its flyer; they are made while MkDocs renders the page templates."""
        if self.packs is not None or self.summary is not None:
            return
        expected = [src for src in sources if src in self.pages]
        unknown = self._fill_from_manifest([src for src in expected if not self._seen(src)])
        if unknown:
            # A --dirty build renders only changed pages: without every flyer, keep the packs
            # of the last full build rather than replace them with a partial one.
            self.packs_kept = tuple(unknown)
            self.packs = []
            return
        if not self.pending:
            try:
                self.packs = build_packs(self.lookup, self._pack_job(self.records))
                return
            except CacheMiss:
                pass
        done = dict(self.records)
        sources = list(self.pending)

        def job(results: list[Any]) -> tuple[Any, dict[str, Any]]:
            records = {**done, **dict(zip(sources, results, strict=True))}
            return worker.make_packs, {"setup": self.setup, "job": self._pack_job(records)}

        self.packs = self.pool.after(list(self.pending.values()), job)

    def _seen(self, src: str) -> bool:
        return src in self.records or src in self.pending

    def _fill_from_manifest(self, missing: list[str]) -> list[str]:
        """Take the flyers of pages this build did not render from the last build's manifest;
        return the pages still unknown."""
        if not missing:
            return []
        saved = load_manifest(self.manifest)
        unknown = []
        for src in missing:
            record = saved.get(src)
            if src in saved and (record is None or record.cached_pdf.is_file()):
                self.records[src] = record
            else:
                unknown.append(src)
        return unknown

    def _pack_job(self, records: dict[str, FlyerRecord | None]) -> PackJob:
        s = self.settings
        return PackJob(
            records=tuple(in_order(records.items(), self.order)),
            lang=s.lang,
            site_name=s.site_name,
            author=s.org.get("department", ""),
            site_dir=s.site_dir,
            volume_size=s.pack_volume,
        )

    def finish(self) -> tuple[FlyerSummary, bool]:
        """Wait for this language's flyers and packs: (what was made, whether this call
        finished them). The first failure is raised."""
        if self.summary is not None:
            return self.summary, False
        for src, future in list(self.pending.items()):
            self.records[src] = self.pool.result(future)
        self.pending.clear()
        queued = self.packs
        packs = self.pool.result(queued) if isinstance(queued, Future) else queued or []
        records = in_order(self.records.items(), self.order)
        if not self.packs_kept:
            save_manifest(self.manifest, self.records)
        fresh = sum(record.fresh for record in records)
        self.summary = FlyerSummary(
            lang=self.settings.lang,
            pages=len(self.records),
            built=fresh,
            cached=len(records) - fresh,
            packs_built=sum(built for _, built in packs),
            packs_kept=self.packs_kept,
            catalogue=_catalogue(records, [pack for pack, _ in packs]),
        )
        return self.summary, True

    def cancel(self) -> None:
        """Drop queued work (a failed build) so that no job outlives its build."""
        futures = [*self.pending.values()]
        if isinstance(self.packs, Future):
            futures.append(self.packs)
        for future in futures:
            future.cancel()
        for future in futures:
            if not future.cancelled():
                future.exception()  # wait for a job already running
        self.pending.clear()


def _catalogue(records: list[FlyerRecord], packs: list[Pack]) -> dict[str, Any]:
    return {
        "flyers": [
            {
                "title": r.title,
                "page_url": r.page_url,
                "pdf": r.paths.flyer_pdf,
                "preview": r.paths.flyer_png,
                "preview_2x": r.paths.flyer_png_2x,
                "preview_size": previews.size(1),
                "size_kb": max(1, round(r.pdf_bytes / 1024)),
                "historical": r.historical,
            }
            for r in records
        ],
        "packs": {
            layout: [
                {
                    "path": p.path,
                    "size_kb": max(1, round(p.size / 1024)),
                    "first": p.first,
                    "last": p.last,
                    "volume": p.volume,
                    "volumes": p.volumes,
                }
                for p in packs
                if p.layout == layout
            ]
            for layout in LAYOUTS
        },
    }
