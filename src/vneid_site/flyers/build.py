"""One language's flyer work in one build: made whole when the build starts, so nothing of an
earlier build (a failed one, or the last rebuild of `mkdocs serve`) leaks into it.

Whether a page's files or a pack are in the cache is known before any work starts: their cache
keys come from the page's data, and the cache index answers for the files. What is there is
placed right away; the rest are jobs. The first job starts the worker, which makes the jobs
once it has answered, while MkDocs renders the other pages; the MkDocs process makes the jobs
the worker has not started once it has nothing else to do. A language's packs are queued when
its pages are done and collected at the end of the whole build, so that the worker makes them
while the other languages' pages are rendered.
"""

from __future__ import annotations

import json
import logging
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from vneid_site.cache import FileCache, digest, json_digest
from vneid_site.content.schema import PageMeta
from vneid_site.flyers import jobs
from vneid_site.flyers.catalogue import FlyerSummary, catalogue
from vneid_site.flyers.content import extract, is_preview_url
from vneid_site.flyers.dates import flyer_date
from vneid_site.flyers.offices import Office
from vneid_site.flyers.outputs import PREVIEWS, PageJob, page_keys
from vneid_site.flyers.pack_files import PackResult, packs_in_cache
from vneid_site.flyers.packs import PackJob, PackSpec
from vneid_site.flyers.pool import WorkerPool
from vneid_site.flyers.records import FlyerRecord, as_cached, in_order, load_manifest, save_manifest
from vneid_site.flyers.render import fingerprint
from vneid_site.flyers.rules import empty_flyer
from vneid_site.flyers.settings import FlyerSettings
from vneid_site.flyers.step_links import link_targets
from vneid_site.i18n.languages import Languages

log = logging.getLogger(__name__)

# Pack jobs that start the worker at the end of a build, when no pages are left to render
# meanwhile: fewer are made faster here than a new process starts.
START_POOL_AT = 4


class FlyerBuild:
    def __init__(
        self,
        settings: FlyerSettings,
        pool: WorkerPool,
        pages: dict[str, PageMeta],
        offices: list[Office] | None = None,
        languages: Languages | None = None,
    ) -> None:
        self.settings = settings
        self.pool = pool
        self.pages = pages  # every page's front matter, by docs path (filled by the site hook)
        self.offices = offices or []
        self.languages = languages or Languages()
        self._targets: tuple[dict[str, str | None], str] | None = None
        cache = FileCache(settings.cache_dir)
        swept = cache.sweep()
        if swept:
            log.debug(f"removed {swept} temporary file(s) left in {settings.cache_dir}")
        self.setup = jobs.Setup(
            settings.render, settings.cache_dir, fingerprint(settings.render), settings.org
        )
        # This process's one cache and builder: it looks up, and makes the jobs it takes back.
        jobs.use_cache(cache)
        self.builder = jobs.builder_for(self.setup)
        self.cache = self.builder.cache
        self.saved = load_manifest(self.manifest)
        self.order: tuple[str, ...] = ()
        self.records: dict[str, FlyerRecord] = {}
        self.queued: list[tuple[str, jobs.Job]] = []  # not submitted yet
        self.pending: dict[str, tuple[Future[Any], jobs.Job]] = {}
        self.pool_started = False
        self.sources: list[str] = []  # this language's pages, once MkDocs has read them all
        self.packs_kept: tuple[str, ...] = ()
        # Each pack job's tag ("site", "office-<id>") with its result when the cache had it;
        # set by begin_packs.
        self._packs: dict[str, PackResult | None] | None = None
        self._packs_wanted = False  # begin_packs waits for the worker's flyers (see poll)
        self._overlap = False
        self.summary: FlyerSummary | None = None

    @property
    def manifest(self) -> Path:
        key = digest(str(self.settings.site_dir.resolve()), self.settings.lang)[:24]
        return self.settings.cache_dir / "manifests" / f"{key}.json"

    # --- Pages ------------------------------------------------------------------------

    def targets(self) -> tuple[dict[str, str | None], str]:
        """The site's pages of this language with their flyers' titles (how a link in a step
        prints), and their digest; worked out once, when the pages are all read."""
        if self._targets is None:
            s = self.settings
            found = link_targets(self.pages, self.languages, s.lang, s.site_url)
            self._targets = found, json_digest(sorted(found.items()))
        return self._targets

    def add_page(
        self, src: str, html: str, meta: PageMeta, lang: str, url: str, page_url: str
    ) -> None:
        """Write the QR code, flyer and posters of a rendered page (its absolute `url`, its
        site-relative `page_url`) from the cache, or queue them."""
        s = self.settings
        targets, targets_key = self.targets()
        day = flyer_date(meta.updated, s.shared)
        base = bool(self.offices)
        inputs = digest(
            self.setup.flyer_key,
            self.builder.qr_key,
            *PREVIEWS,
            json.dumps(s.org, sort_keys=True),
            targets_key,
            repr((html, meta, lang, url, page_url, base, s.rules, day)),
        )
        saved = self.saved.get(src)
        if saved and saved.inputs == inputs and self.builder.can_place(saved, base):
            # Nothing the page gives has changed since the last build: place its files as they
            # are, without reading the page again.
            self.builder.place(saved, s.site_dir)
            self.records[src] = as_cached(saved)
            return
        shown = f"docs/{src}"
        content = extract(
            html=html, meta=meta, lang=lang, page_url=url, src=shown, targets=targets, dated=day
        )
        keys = page_keys(
            content,
            flyer=meta.flyer.enabled,
            base=base,
            org=s.org,
            rules=s.rules,
            flyer_key=self.setup.flyer_key,
            qr_key=self.builder.qr_key,
        )
        empty = empty_flyer(content, shown, s.rules) or ""
        job = PageJob(content, page_url, shown, s.site_dir, keys, inputs, s.rules, empty)
        if self.builder.missing(keys):
            # MkDocs renders more pages after this one: the worker starts meanwhile.
            self._queue(src, job, start_pool=True)
        else:  # every file is there: the record needs neither Typst nor a worker
            self.records[src] = self.builder.build(job, s.org)

    def _queue(self, tag: str, job: jobs.Job, *, start_pool: bool) -> None:
        self.queued.append((tag, job))
        if start_pool:
            self.pool_started = True
            self.pool.warm(jobs.warm_up)
        self.poll()

    def poll(self) -> None:
        """Send the queued jobs to the worker once it has answered. Until then they wait here,
        and what still waits when the build needs it is made in this process: a worker still
        starting never delays a build."""
        if self.queued and self.pool_started and self.pool.ready():
            for tag, job in self.queued:
                self.pending[tag] = (self.pool.submit(jobs.run, setup=self.setup, job=job), job)
            self.queued = []
        if self._packs_wanted and not self._flyers_busy():
            self.begin_packs(overlap=self._overlap)

    def _flyers_busy(self) -> bool:
        # A failed job counts as busy: `finish` raises its error, rather than the page being
        # rendered when it is found.
        return bool(self.queued) or any(
            not future.done() or future.exception() is not None
            for future, _ in self.pending.values()
        )

    def _drain(self) -> dict[str, Any]:
        """Every queued job's result: jobs never submitted and jobs the pool has not started
        run here, on the core MkDocs rendered on; the first failure is raised."""
        self.poll()
        results: dict[str, Any] = {}
        for tag, job in self.queued:
            results[tag] = jobs.run(setup=self.setup, job=job)
        self.queued = []
        # The pool works from the front of its queue; this process from the back.
        for tag in reversed(list(self.pending)):
            future, job = self.pending[tag]
            if not future.cancel():
                break
            results[tag] = jobs.run(setup=self.setup, job=job)
            del self.pending[tag]
        for tag, (future, _) in self.pending.items():
            results[tag] = self.pool.result(future)
        self.pending = {}
        return results

    # --- Finishing: packs, offices, the manifest ---------------------------------------

    def expect(self, sources: list[str]) -> None:
        """The docs paths of this language's pages, every one of which the packs hold."""
        self.sources = sources

    def begin_packs(self, overlap: bool = False) -> None:
        """Queue the packs, the site's and each office's, that the cache lacks, once this
        language's flyers are made: flyers still in the making (or failed) are not waited for
        here, `poll` queues the packs when they are done, and `finish` collects them (and
        raises the first failure, languages in order). `overlap`: more of the build follows
        (the other languages' pages), so the worker is started to make the packs meanwhile."""
        if self._packs is not None or self.summary is not None:
            return
        self._overlap = overlap
        self._packs_wanted = self._flyers_busy()
        if self._packs_wanted:
            return
        self.records.update(self._drain())
        expected = [src for src in self.sources if src in self.pages]
        unknown = self._fill_from_manifest([src for src in expected if src not in self.records])
        self._packs = {}
        if unknown:
            # A --dirty build renders only changed pages: without every flyer, keep the packs
            # of the last full build rather than replace them with a partial one.
            self.packs_kept = tuple(unknown)
            return
        records = in_order(self.records.items(), self.order)
        if not records:
            self._packs = {
                f"office-{office.id}": PackResult(office.id, []) for office in self.offices
            }
            return
        s = self.settings
        spec = PackSpec(
            s.lang, s.site_name, s.org.get("department", ""), s.site_dir, s.pack_volume, s.rules
        )
        preview = is_preview_url(s.site_url)
        todo = {"site": PackJob(spec, tuple(records))}
        for office in self.offices:
            src = f"{s.offices_shown}:{office.line}"
            todo[f"office-{office.id}"] = PackJob(
                spec, tuple(records), preview, office.contact(s.lang), src
            )
        # A worker pays for its start with a few jobs, or when pages are still to render.
        start_pool = overlap or len(todo) >= START_POOL_AT
        for tag, job in todo.items():
            # Most warm builds change nothing a pack shows: no job at all.
            found = packs_in_cache(self.builder, job)
            self._packs[tag] = found
            if found is None:
                self._queue(tag, job, start_pool=start_pool)

    def finish(self) -> tuple[FlyerSummary, bool]:
        """This language's flyers and packs and the offices' packs, waited for: (what was
        made, whether this call finished them). The first failure is raised."""
        if self.summary is not None:
            return self.summary, False
        # The flyers begin_packs left to `poll` are drained here; `poll`, which the drain
        # calls, must not begin the packs in the middle of it.
        self._packs_wanted = False
        if self._packs is None:
            self.records.update(self._drain())
        self.begin_packs()  # nothing follows: the packs are waited for now
        assert self._packs is not None
        made = self._drain()
        packs = {tag: found or made[tag] for tag, found in self._packs.items()}
        site = packs.pop("site", None)
        offices = [result for result in packs.values() if result is not None]
        if not self.packs_kept and not self._as_saved():
            save_manifest(self.manifest, dict(self.records))
        self.cache.save_index()
        records = in_order(self.records.items(), self.order)
        fresh = sum(record.fresh for record in records)
        site_packs = site.packs if site else []
        self.summary = FlyerSummary(
            lang=self.settings.lang,
            pages=len(self.records),
            built=fresh,
            cached=len(records) - fresh,
            packs_built=sum(built for _, built in site_packs),
            packs_kept=self.packs_kept,
            catalogue=catalogue(
                records, [pack for pack, _ in site_packs], offices, self.offices, self.settings.lang
            ),
            office_flyers_built=sum(o.built for o in offices),
            office_flyers_cached=sum(o.cached for o in offices),
            office_packs_built=sum(built for o in offices for _, built in o.packs),
            empty=tuple(record.empty for record in records if record.empty),
        )
        return self.summary, True

    def _as_saved(self) -> bool:
        """Whether this build's records are the saved manifest's, each placed from the cache:
        a warm build then writes nothing."""
        records = {src: record for src, record in self.records.items() if record is not None}
        return records.keys() == self.saved.keys() and all(
            record == self.saved[src] for src, record in records.items()
        )

    def _fill_from_manifest(self, missing: list[str]) -> list[str]:
        """Take the flyers of pages this build did not render from the last build's manifest;
        return the pages still unknown."""
        unknown = []
        for src in missing:
            record = self.saved.get(src)
            if record is not None and self.builder.can_place(record, bool(self.offices)):
                self.records[src] = as_cached(record)
            else:
                unknown.append(src)
        return unknown

    def cancel(self) -> None:
        """Drop queued work (a failed build) so that no job outlives its build."""
        self.queued = []
        futures = [future for future, _ in self.pending.values()]
        for future in futures:
            future.cancel()
        for future in futures:
            if not future.cancelled():
                future.exception()  # wait for a job already running
        self.pending = {}
