"""One language's flyer build driven as the flyer hook drives it, without MkDocs: pages given
as front matter and rendered HTML, the real templates, a cache in a test's folder, and an
in-process pool that records what it is given."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tests.support.sitebuild import ROOT
from vneid_site.content.front_matter import parse_page_meta
from vneid_site.content.schema import PageMeta
from vneid_site.flyers import jobs
from vneid_site.flyers.build import FlyerBuild
from vneid_site.flyers.catalogue import FlyerSummary
from vneid_site.flyers.dates import SharedDates
from vneid_site.flyers.offices import Office
from vneid_site.flyers.render import FlyerRenderer, RenderSettings
from vneid_site.flyers.rules import PrintRules
from vneid_site.flyers.settings import FlyerSettings
from vneid_site.font_files import FLYER_FAMILIES, flyer_font_dirs
from vneid_site.i18n.languages import Languages

TEMPLATES = ROOT / "flyer-templates"
SAMPLE = json.loads((TEMPLATES / "sample.json").read_text(encoding="utf-8"))
ORG: dict[str, Any] = SAMPLE["org"]
SITE_URL = "https://example.gov.vn/"
# The data handed to Typst: one folder for every test, so that tests with the same template
# share one builder (and Typst compiler), as a process of `mkdocs serve` does between builds.
DATA = Path(tempfile.gettempdir()) / "vneid-test-flyer-build-data"


def render_settings(templates: Path = TEMPLATES) -> RenderSettings:
    # Root "/": the templates and the data file, wherever the test keeps its cache.
    return RenderSettings(templates, tuple(flyer_font_dirs()), FLYER_FAMILIES, Path("/"), DATA)


class FakePool:
    """The interface of flyers/pool.py's WorkerPool, in this process. Each job runs in the test
    process when submitted; with `start=n` only the first n do (a busy worker), and the others
    wait, so the build may take them back (cancel them) and run them itself. With
    `answered=False` the worker has been started but has not answered yet (a new process still
    importing), until the test sets `answered`."""

    def __init__(
        self, workers: int = 1, *, start: int | None = None, answered: bool = True
    ) -> None:
        self.workers = workers
        self.start = start
        self.answered = answered
        self.warmed = False
        self.submitted: list[Any] = []  # the jobs, in order
        self.ran: list[Any] = []  # the jobs this pool ran
        self._waiting: dict[Future[Any], tuple[Callable[..., Any], dict[str, Any]]] = {}
        self.closed = False

    def resize(self, workers: int) -> None:
        self.workers = workers

    def warm(self, fn: Callable[[], Any]) -> None:
        if not self.warmed:
            fn()
        self.warmed = True

    def ready(self) -> bool:
        return self.warmed and self.answered

    def submit(self, fn: Callable[..., Any], /, **kwargs: Any) -> Future[Any]:
        assert self.ready(), "a job was sent to a worker that has not answered"
        self.submitted.append(kwargs["job"])
        future: Future[Any] = Future()
        if self.start is None or len(self.submitted) <= self.start:
            future.set_running_or_notify_cancel()
            self._run(future, fn, kwargs)
        else:
            self._waiting[future] = (fn, kwargs)
        return future

    def _run(self, future: Future[Any], fn: Callable[..., Any], kwargs: dict[str, Any]) -> None:
        self.ran.append(kwargs["job"])
        try:
            future.set_result(fn(**kwargs))
        except Exception as err:
            future.set_exception(err)

    def work(self) -> None:
        """The busy worker makes the jobs that waited for it."""
        for future, waiting in list(self._waiting.items()):
            del self._waiting[future]
            if future.set_running_or_notify_cancel():
                self._run(future, *waiting)

    def result(self, future: Future[Any]) -> Any:
        waiting = self._waiting.pop(future, None)
        if waiting is not None and future.set_running_or_notify_cancel():
            self._run(future, *waiting)
        return future.result()

    def close(self) -> None:
        self.closed = True


def meta(title: str, extra: str = "") -> PageMeta:
    """A page's front matter, dated, so that its flyer's date does not follow the clock."""
    source = f"---\ntitle: {title}\ndescription: Mô tả ngắn.\nupdated: 2026-01-15\n{extra}---\n"
    parsed, problems = parse_page_meta(source, "docs/x.md")
    assert problems == [] and parsed is not None, problems
    return parsed


@dataclass(frozen=True)
class Page:
    """A page as the flyer hook sees it: its front matter and rendered HTML."""

    title: str
    summary: str = "Tự đăng ký tài khoản định danh điện tử trên điện thoại."
    steps: tuple[str, ...] = ("Tải ứng dụng VNeID.", "Chọn Đăng ký.", "Nhập số định danh.")
    note: str = ""

    @property
    def meta(self) -> PageMeta:
        note = f"  note: {self.note}\n" if self.note else ""
        return meta(self.title, f"flyer:\n  steps: Các bước\n{note}")

    @property
    def html(self) -> str:
        items = "".join(f"<li>{step}</li>" for step in self.steps)
        return f"<p>{self.summary}</p>\n<h2>Các bước</h2>\n<ol>{items}</ol>\n"


def office(n: int, address: str = "") -> Office:
    return Office(
        id=f"phuong-{n}",
        name=f"Công an phường {n}",
        name_en=f"Ward {n} police",
        address=address or f"{n} Đường Lê Lợi",
        address_en="",
        phone=f"0274 3822 {n:03d}",
        hours="7:30-17:00",
        hours_en="",
        line=n + 1,
    )


@dataclass
class Site:
    """A language's pages and offices, built into `site_dir` with the cache `cache_dir`."""

    pages: dict[str, Page]  # docs path -> page, in navigation order
    offices: list[Office] = field(default_factory=list)
    lang: str = "vi"
    pack_volume: int = 2
    rules: PrintRules = field(default_factory=PrintRules)

    def settings(self, cache_dir: Path, site_dir: Path, templates: Path = TEMPLATES):
        return FlyerSettings(
            render=render_settings(templates),
            cache_dir=cache_dir,
            site_dir=site_dir,
            lang=self.lang,
            site_name="Hướng dẫn VNeID",
            org=ORG,
            pack_volume=self.pack_volume,
            site_url=SITE_URL,
            offices_shown="offices.csv" if self.offices else "",
            rules=self.rules,
            shared=SharedDates(None, None),
        )

    def start(self, cache_dir: Path, site_dir: Path, pool: Any, **kw: Any) -> FlyerBuild:
        """A build with every page added, as after MkDocs rendered them all."""
        metas = {src: page.meta for src, page in self.pages.items()}
        build = FlyerBuild(
            self.settings(cache_dir, site_dir, **kw),
            pool,
            metas,
            list(self.offices),
            Languages(("vi", "en")),
        )
        build.order = tuple(self.pages)
        for src, page in self.pages.items():
            page_url = src.removesuffix(".md") + "/"
            build.add_page(src, page.html, metas[src], self.lang, SITE_URL + page_url, page_url)
        build.expect(list(self.pages))
        return build

    def build(self, cache_dir: Path, site_dir: Path, pool: Any, **kw: Any) -> FlyerSummary:
        summary, finished = self.start(cache_dir, site_dir, pool, **kw).finish()
        assert finished
        return summary

    def edited(self, src: str, **changes: Any) -> Site:
        pages = dict(self.pages)
        pages[src] = replace(pages[src], **changes)
        return replace(self, pages=pages)


def count_runs(monkeypatch: Any) -> list[Any]:
    """Every job run, in the pool or taken back by the build, in order."""
    runs: list[Any] = []
    real = jobs.run

    def run(*, setup: jobs.Setup, job: jobs.Job) -> Any:
        runs.append(job)
        return real(setup=setup, job=job)

    monkeypatch.setattr(jobs, "run", run)
    return runs


@dataclass(frozen=True)
class Compiled:
    entry: str  # main.typ, poster.typ, pack.typ
    src: str  # what the messages name
    fmt: str
    data: Any


def count_compiles(monkeypatch: Any) -> list[Compiled]:
    """Every Typst compilation, in order."""
    calls: list[Compiled] = []
    real = FlyerRenderer.compile

    def compile(self: FlyerRenderer, entry: str, data: Any, *, src: str, **kw: Any) -> bytes:
        calls.append(Compiled(entry, src, kw.get("fmt", "pdf"), data))
        return real(self, entry, data, src=src, **kw)

    monkeypatch.setattr(FlyerRenderer, "compile", compile)
    return calls
