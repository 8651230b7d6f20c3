"""One language's flyer build (flyers/build.py), driven as the flyer hook drives it, with the
real templates, a cache in the test's folder and an in-process pool: what is known before any
work starts, which jobs run and where, what a change makes again, and what a failure leaves."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.support.flyer_build import (
    FakePool,
    Page,
    Site,
    count_compiles,
    count_runs,
    office,
)
from tests.support.pdfcheck import pdf_text
from vneid_site.cache import FileCache
from vneid_site.flyers import jobs
from vneid_site.flyers.build import FlyerBuild
from vneid_site.flyers.content import FlyerContentError
from vneid_site.flyers.outputs import PageJob
from vneid_site.flyers.packs import FOLDER, PackJob, office_folder
from vneid_site.flyers.render import FlyerError
from vneid_site.flyers.rules import PrintRules

PAGES = {f"huong-dan/{c}.md": Page(f"Trang {c.upper()}") for c in "abcd"}
OFFICES = [office(n) for n in range(1, 6)]
SITE = Site(PAGES, OFFICES)  # 4 flyers, 2 to a pack volume: volumes 1 (a, b) and 2 (c, d)
FOLDERS = [FOLDER] + [office_folder(o.id) for o in OFFICES]
LAYOUTS = ("a4", "a5x2", "poster-a4", "poster-a3")
LONG_STEPS = tuple("Bước dài: " + "thủ tục hành chính trực tuyến " * 12 for _ in range(9))


def pack(folder: str, layout: str, volume: int) -> str:
    if layout.startswith("poster-"):
        return f"{folder}/poster-pack-vi-{layout.removeprefix('poster-')}-{volume}.pdf"
    return f"{folder}/print-pack-vi-{layout}-{volume}.pdf"


def inodes(folder: Path) -> dict[str, int]:
    """Each file of the site by its inode: a file made again is a new cache entry, linked in
    its place; one placed again is the same entry."""
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*.*")}


def changed(before: dict[str, int], after: dict[str, int]) -> list[str]:
    return sorted(path for path, inode in after.items() if before.get(path) != inode)


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "cache", tmp_path / "site"


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache the site was built into once, cold."""
    folder = tmp_path_factory.mktemp("seed")
    summary = SITE.build(folder / "cache", folder / "site", FakePool())
    assert (summary.built, summary.packs_built, summary.office_packs_built) == (4, 8, 40)
    return folder / "cache"


@pytest.fixture
def built(seed: Path, dirs: tuple[Path, Path]) -> tuple[Path, Path]:
    """The site built from a copy of the seed's cache (entries, times and index): every build
    in the test starts warm."""
    cache, site = dirs
    shutil.copytree(seed, cache)  # the files' times too: the index still answers for them
    summary = SITE.build(cache, site, FakePool())
    assert summary.cached == 4 and summary.built == 0
    assert summary.packs_built == summary.office_packs_built == 0
    return dirs


# --- One path for a job -------------------------------------------------------------------


def test_a_cold_build_knows_every_job_before_typst_starts(dirs, monkeypatch):
    compiles, runs = count_compiles(monkeypatch), count_runs(monkeypatch)
    pool = FakePool(start=0)  # a busy worker: every job is still waiting when the build ends
    build = SITE.start(*dirs, pool)
    # Every page is rendered by MkDocs and nothing is made yet: the four jobs are known from
    # the pages' keys alone, and the worker was given each as its page was rendered.
    assert compiles == [] and runs == [] and build.records == {}
    assert [job.src for job in pool.submitted] == [f"docs/{src}" for src in PAGES]
    summary, _ = build.finish()
    # The build took back every job the pool had not started, and ran each once.
    assert pool.ran == []
    assert Counter(map(id, runs)) == Counter(map(id, pool.submitted))
    assert sum(isinstance(job, PageJob) for job in runs) == 4
    assert sorted(job.folder for job in runs if isinstance(job, PackJob)) == sorted(FOLDERS)
    assert (summary.built, summary.cached) == (4, 0)
    assert {c.src for c in compiles if c.entry == "main.typ"} == {f"docs/{s}" for s in PAGES}


def test_a_job_runs_once_whether_the_pool_or_the_build_takes_it(dirs, monkeypatch):
    runs = count_runs(monkeypatch)
    pages = {f"p{n}.md": Page(f"Trang {n}") for n in range(7)}
    pool = FakePool(start=3)  # the worker has started three jobs; the others wait
    summary = Site(pages, OFFICES[:2]).build(*dirs, pool)
    taken_back = [job for job in runs if not any(job is ran for ran in pool.ran)]
    assert len(pool.ran) == 3 and taken_back
    assert all(count == 1 for count in Counter(map(id, runs)).values())
    # Everything submitted ran, in the pool or here; nothing else ran.
    assert Counter(map(id, runs)) == Counter(map(id, pool.submitted))
    assert len(runs) == 7 + 3  # the pages, then the site's packs and two offices'
    assert summary.built == 7 and summary.packs_built == 4 * 4  # volumes of 2: four a layout


def test_a_warm_build_submits_nothing_and_places_every_file(built, monkeypatch):
    cache, site = built
    before = inodes(site)
    shutil.rmtree(site)  # `mkdocs build` starts from an empty site folder
    manifests = inodes(cache / "manifests")
    compiles, runs = count_compiles(monkeypatch), count_runs(monkeypatch)
    pool = FakePool()
    build = SITE.start(cache, site, pool)
    assert build.queued == [] and build.pending == {}  # known from the manifest and index
    summary, _ = build.finish()
    assert inodes(cache / "manifests") == manifests  # the same records: not written again
    assert pool.submitted == [] and runs == [] and compiles == []
    assert (summary.built, summary.cached) == (0, 4)
    assert (summary.packs_built, summary.office_packs_built) == (0, 0)
    assert (summary.office_flyers_built, summary.office_flyers_cached) == (0, 20)
    assert inodes(site) == before  # every file, placed from the same cache entry


def test_without_the_manifest_the_cache_index_still_answers_before_any_work(built, monkeypatch):
    cache, site = built
    shutil.rmtree(cache / "manifests")  # the pages are read again, their keys worked out
    reads: list[str] = []
    real_get = FileCache.get

    def get(self, key, suffix):
        reads.append(suffix)
        return real_get(self, key, suffix)

    monkeypatch.setattr(FileCache, "get", get)
    compiles, runs = count_compiles(monkeypatch), count_runs(monkeypatch)
    pool = FakePool()
    summary = SITE.build(cache, site, pool)
    assert pool.submitted == [] and runs == [] and compiles == []
    assert summary.cached == 4 and summary.packs_built == summary.office_packs_built == 0
    # The index answers by size and time: no flyer, poster or pack is read to be trusted.
    assert set(reads) <= {".body"}


def test_a_damaged_cache_entry_is_a_job_known_before_work_starts(built, monkeypatch):
    cache, site = built
    flyer = site / "huong-dan" / "b" / "flyer.pdf"
    good = flyer.read_bytes()
    flyer.write_bytes(good[:-10] + b"0" * 10)  # the site's file is the cache entry's link
    runs = count_runs(monkeypatch)
    pool = FakePool(start=0)
    build = SITE.start(cache, site, pool)
    assert [job.src for job in pool.submitted] == ["docs/huong-dan/b.md"]
    assert sorted(build.records) == ["huong-dan/a.md", "huong-dan/c.md", "huong-dan/d.md"]
    summary, _ = build.finish()
    assert [job.src for job in runs if isinstance(job, PageJob)] == ["docs/huong-dan/b.md"]
    assert summary.built == 1 and flyer.read_bytes() == good
    # Its packs were whole: none is made again.
    assert summary.packs_built == summary.office_packs_built == 0


def test_a_changed_page_starts_the_worker_and_goes_to_it_once_it_has_answered(tmp_path):
    # MkDocs renders other pages after this one: the worker starts meanwhile.
    for answered in (True, False):
        folder = tmp_path / str(answered)
        pool = FakePool(start=0, answered=answered)
        build = Site({"a.md": Page("Trang A")}).start(folder / "c", folder / "s", pool)
        assert pool.warmed
        assert [job.src for job in pool.submitted] == (["docs/a.md"] if answered else [])
        assert [tag for tag, _ in build.queued] == ([] if answered else ["a.md"])
        summary, _ = build.finish()
        assert summary.built == 1 and build.queued == [] and build.pending == {}


def test_jobs_wait_for_a_starting_worker_and_go_to_it_once_it_answers(dirs, monkeypatch):
    runs = count_runs(monkeypatch)
    pool = FakePool(answered=False)
    build = SITE.start(*dirs, pool)
    assert pool.warmed and pool.submitted == [] and len(build.queued) == len(PAGES)
    pool.answered = True
    build.poll()  # the flyer hook's, page by page
    assert build.queued == [] and [job.src for job in pool.submitted] == [
        f"docs/{src}" for src in PAGES
    ]
    summary, _ = build.finish()
    # The worker made every job it was given, and nothing ran twice.
    assert Counter(map(id, runs)) == Counter(map(id, pool.ran)) == Counter(map(id, pool.submitted))
    assert summary.built == 4 and summary.office_packs_built == 5 * 8


def test_one_builder_and_one_cache_for_the_process_and_its_jobs(dirs, monkeypatch, tmp_path):
    builders = []
    real = jobs.builder_for

    def builder_for(setup: jobs.Setup):
        builders.append(real(setup))
        return builders[-1]

    monkeypatch.setattr(jobs, "builder_for", builder_for)
    pool = FakePool(start=2)  # jobs run in the "worker" and taken back here
    build = SITE.start(*dirs, pool)
    build.finish()
    assert pool.ran and len(pool.ran) < len(pool.submitted)
    assert all(b is build.builder for b in builders)
    assert build.cache is build.builder.cache and build.cache.fragment == ""
    # The jobs verified into this process's index: no worker's file to fold in.
    assert list(dirs[0].glob("verified-*.json")) == []
    assert (dirs[0] / FileCache.INDEX).is_file()
    # The next build (`mkdocs serve`) keeps the builder and its Typst compiler, with its cache.
    renderer = build.builder.renderer
    again = SITE.start(tmp_path / "cache2", tmp_path / "site2", FakePool())
    assert again.builder is build.builder and again.builder.renderer is renderer
    assert again.cache is not build.cache and again.builder.cache is again.cache


def test_an_edit_is_made_here_while_the_worker_is_still_starting(built, monkeypatch):
    cache, site = built
    runs = count_runs(monkeypatch)
    pool = FakePool(answered=False)  # started by the edited page, not up by the build's end
    edited = SITE.edited("huong-dan/a.md", note="Mang theo căn cước.")
    alone = replace(edited, offices=[])  # one pack job: the site's
    summary = alone.build(cache, site, pool)
    assert pool.warmed and pool.submitted == [] and summary.built == 1
    assert [type(job) for job in runs] == [PageJob, PackJob]


def test_packs_begun_while_more_of_the_build_follows_go_to_the_worker(built, monkeypatch):
    cache, site = built
    # A removed page: new packs, and no flyer to make.
    for gone, overlap in (("huong-dan/c.md", False), ("huong-dan/b.md", True)):
        pages = {src: page for src, page in PAGES.items() if src != gone}
        runs = count_runs(monkeypatch)
        pool = FakePool()
        build = replace(SITE, pages=pages, offices=[]).start(cache, site, pool)
        build.begin_packs(overlap=overlap)
        # Without more to build, one job does not pay for a worker's start: it waits here.
        assert pool.warmed is overlap and build.summary is None
        assert [type(job) for job in pool.ran] == ([PackJob] if overlap else [])
        assert runs == pool.ran
        summary, finished = build.finish()
        assert finished and [type(job) for job in runs] == [PackJob]
        assert summary.packs_built == 4  # one volume's four layouts; the other was cached
        assert build.finish() == (summary, False)


def test_packs_begun_while_the_worker_makes_the_flyers_are_queued_once_it_is_done(
    built, monkeypatch
):
    cache, site = built
    runs = count_runs(monkeypatch)
    pool = FakePool(start=0)  # the worker has the edited page's flyer, not done yet
    edited = replace(SITE.edited("huong-dan/a.md", note="Mang theo căn cước."), offices=[])
    build = edited.start(cache, site, pool)
    build.begin_packs(overlap=True)
    # Nothing waited for: the next language's pages are rendered meanwhile.
    assert runs == [] and [type(job) for job in pool.submitted] == [PageJob]
    build.poll()  # a page later, the flyer still in the making
    assert [type(job) for job in pool.submitted] == [PageJob]
    pool.work()
    build.poll()
    assert [type(job) for job in pool.submitted] == [PageJob, PackJob]
    summary, _ = build.finish()
    assert summary.built == 1 and summary.packs_built == 2  # volume 1's a4 and a5x2
    assert [type(job) for job in runs] == [PageJob, PackJob]


def test_packs_left_for_a_poll_that_never_came_are_made_by_finish(built, monkeypatch):
    cache, site = built
    runs = count_runs(monkeypatch)
    pool = FakePool(start=0)
    edited = replace(SITE.edited("huong-dan/a.md", note="Mang theo căn cước."), offices=[])
    build = edited.start(cache, site, pool)
    build.begin_packs(overlap=True)  # the flyer is still in the making
    pool.work()  # done, and no page was rendered since to poll
    summary, _ = build.finish()
    assert summary.built == 1 and summary.packs_built == 2
    assert [type(job) for job in runs] == [PageJob, PackJob]


def test_a_failed_flyer_is_reported_by_finish_so_languages_report_in_order(tmp_path):
    # The flyer hook finishes every language at the end of the build, the first one first.
    broken = Site({"a.md": Page("Trang A", steps=LONG_STEPS)})
    for answered, overlap in ((True, True), (True, False), (False, False)):
        folder = tmp_path / f"{answered}-{overlap}"
        build = broken.start(folder / "cache", folder / "site", FakePool(answered=answered))
        build.begin_packs(overlap=overlap)
        build.poll()  # the failed job is not raised while another page is rendered
        with pytest.raises(FlyerError, match=r"docs/a\.md"):
            build.finish()


# --- Incremental packs --------------------------------------------------------------------


def test_a_flyer_s_text_remakes_that_flyer_its_office_flyers_and_the_packs_holding_it(
    built, monkeypatch
):
    cache, site = built
    before, manifests = inodes(site), inodes(cache / "manifests")
    compiles, runs = count_compiles(monkeypatch), count_runs(monkeypatch)
    # The note is printed on the flyer, not on the posters.
    summary = SITE.edited("huong-dan/b.md", note="Mang theo căn cước.").build(
        cache, site, FakePool()
    )
    page = ["huong-dan/b/flyer-2x.png", "huong-dan/b/flyer.pdf", "huong-dan/b/flyer.png"]
    packs = [pack(f, layout, 1) for f in FOLDERS for layout in ("a4", "a5x2")]
    assert changed(before, inodes(site)) == sorted(page + packs)
    assert changed(manifests, inodes(cache / "manifests"))  # b's new record is saved
    assert (summary.built, summary.cached) == (1, 3)
    assert (summary.packs_built, summary.office_packs_built) == (2, 10)
    assert (summary.office_flyers_built, summary.office_flyers_cached) == (5, 15)
    assert [job.src for job in runs if isinstance(job, PageJob)] == ["docs/huong-dan/b.md"]
    flyers = [c for c in compiles if c.entry in ("main.typ", "poster.typ")]
    assert {c.src for c in flyers} == {"docs/huong-dan/b.md"}
    # The flyer, its preview, and the office flyer (without the contact box) once.
    assert sorted((c.fmt, c.data.get("contact", True)) for c in flyers) == [
        ("pdf", False),
        ("pdf", True),
        ("png", True),
    ]


def test_a_summary_shown_on_the_posters_too_remakes_every_layout_holding_the_page(
    built, monkeypatch
):
    cache, site = built
    before = inodes(site)
    summary = SITE.edited("huong-dan/c.md", summary="Đăng ký tài khoản mức 2 tại Công an.").build(
        cache, site, FakePool()
    )
    page = [f"huong-dan/c/{n}" for n in ("flyer-2x.png", "flyer.pdf", "flyer.png")]
    page += ["huong-dan/c/poster-a3.pdf", "huong-dan/c/poster-a4.pdf"]
    packs = [pack(f, layout, 2) for f in FOLDERS for layout in LAYOUTS]
    assert changed(before, inodes(site)) == sorted(page + packs)
    assert (summary.packs_built, summary.office_packs_built) == (4, 20)


def test_changing_nothing_remakes_nothing(built, monkeypatch):
    cache, site = built
    before = inodes(site)
    compiles, runs = count_compiles(monkeypatch), count_runs(monkeypatch)
    summary = SITE.build(cache, site, FakePool())
    assert inodes(site) == before and runs == [] and compiles == []
    assert summary.built == summary.packs_built == summary.office_packs_built == 0


def test_an_office_s_new_address_remakes_only_that_office_s_packs(built, monkeypatch):
    cache, site = built
    before = inodes(site)
    compiles, runs = count_compiles(monkeypatch), count_runs(monkeypatch)
    offices = list(OFFICES)
    offices[2] = office(3, address="99 Đường Hùng Vương")
    summary = replace(SITE, offices=offices).build(cache, site, FakePool())
    folder = office_folder("phuong-3")
    assert changed(before, inodes(site)) == sorted(
        pack(folder, layout, v) for layout in LAYOUTS for v in (1, 2)
    )
    assert summary.built == summary.packs_built == 0 and summary.office_packs_built == 8
    assert (summary.office_flyers_built, summary.office_flyers_cached) == (4, 16)
    assert [job.folder for job in runs] == [folder]
    assert [c.entry for c in compiles] == ["pack.typ"]  # its boxes, once
    assert "99 Đường Hùng Vương" in pdf_text(site / pack(folder, "a4", 1), 0)
    assert "99 Đường Hùng Vương" not in pdf_text(site / pack(office_folder("phuong-2"), "a4", 1))


def test_a_removed_page_leaves_the_packs_that_held_it_and_only_those(built):
    cache, site = built
    before = inodes(site)
    a4 = site / pack(FOLDER, "a4", 2)
    assert "Trang C" in pdf_text(a4, 0) and len(PdfReader(a4).pages) == 3  # contents, c, d
    pages = {src: page for src, page in PAGES.items() if src != "huong-dan/c.md"}
    summary = replace(SITE, pages=pages).build(cache, site, FakePool())
    # Volume 1 holds the same flyers; volume 2 now holds only d.
    assert changed(before, inodes(site)) == sorted(
        pack(f, layout, 2) for f in FOLDERS for layout in LAYOUTS
    )
    assert (summary.packs_built, summary.office_packs_built) == (4, 20)
    contents = pdf_text(a4, 0)
    assert "Trang D" in contents and "Trang C" not in contents
    assert len(PdfReader(a4).pages) == 2
    listed = summary.catalogue["packs"]["a4"]
    assert [(p["first"], p["last"]) for p in listed] == [(1, 2), (3, 3)]
    assert [f["title"] for f in summary.catalogue["flyers"]] == ["Trang A", "Trang B", "Trang D"]


def test_a_page_with_no_flyer_yet_keeps_the_last_packs(built):
    cache, site = built
    before = inodes(site)
    build = SITE.start(cache, site, FakePool())
    build.pages = {**build.pages, "huong-dan/e.md": PAGES["huong-dan/a.md"].meta}
    build.expect([*PAGES, "huong-dan/e.md"])  # a --dirty build did not render it
    summary, _ = build.finish()
    assert summary.packs_kept == ("huong-dan/e.md",)
    assert summary.catalogue["packs"] == {layout: [] for layout in LAYOUTS}
    assert inodes(site) == before


# --- Errors -------------------------------------------------------------------------------


def assert_nothing_partial(cache: Path, site: Path) -> None:
    """Every file left is whole: no temporary file, and every cache entry matches its hash."""
    leftovers = [p for p in [*cache.rglob(".*"), *site.rglob(".*")] if p.is_file()]
    assert leftovers == []
    store = FileCache(cache)
    for entry in cache.glob("??/*"):
        if entry.suffix != ".sha256":
            assert entry.with_name(entry.name + ".sha256").is_file(), entry
            assert store.get(entry.stem, entry.suffix) is not None, entry


def test_an_overflowing_page_is_named_and_leaves_none_of_its_files(dirs):
    cache, site = dirs
    broken = SITE.edited("huong-dan/b.md", steps=LONG_STEPS)
    build = broken.start(cache, site, FakePool())
    with pytest.raises(FlyerError) as caught:
        build.finish()
    build.cancel()
    message = str(caught.value)
    assert message.startswith("docs/huong-dan/b.md: the flyer does not fit on one A4 page")
    assert "fix:" in message and "Traceback" not in message
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    assert not (site / "huong-dan" / "b").exists()
    assert not (site / "assets").exists()  # no pack is made without every flyer
    assert not (cache / "manifests").exists()
    assert_nothing_partial(cache, site)
    # Fixed, the next build makes only what is missing.
    summary = SITE.build(cache, site, FakePool())
    assert summary.built == 1 and summary.cached == 3


def test_a_poster_that_does_not_fit_stops_the_page_after_its_flyer_was_made(dirs):
    cache, site = dirs
    # Type too large for any poster: the flyer is made, then its first poster fails.
    big = replace(SITE, offices=[], rules=PrintRules(min_poster_size=200.0))
    with pytest.raises(FlyerError) as caught:
        big.build(cache, site, FakePool())
    assert str(caught.value).startswith("docs/huong-dan/a.md (poster, A4): the poster does not")
    assert "Traceback" not in str(caught.value)
    assert list(cache.glob("??/*.pdf"))  # the flyer's own entry is in the cache, whole...
    assert list(site.rglob("*.pdf")) == []  # ...but no page's files are in the site
    assert_nothing_partial(cache, site)


def test_a_template_error_names_the_page_and_leaves_nothing_partial(dirs, tmp_path):
    cache, site = dirs
    templates = tmp_path / "templates"
    shutil.copytree(SITE.settings(cache, site).render.template_dir, templates)
    (templates / "main.typ").write_text("#let x = (\n", encoding="utf-8")
    build = SITE.start(cache, site, FakePool(), templates=templates)
    with pytest.raises(FlyerError) as caught:
        build.finish()
    build.cancel()
    message = str(caught.value)
    assert message.startswith("docs/huong-dan/a.md: the flyer template failed")
    assert "fix:" in message and "Traceback" not in message
    assert list(site.rglob("*.pdf")) == [] and not (cache / "manifests").exists()
    assert_nothing_partial(cache, site)


def test_a_page_without_the_steps_it_names_is_refused_before_any_work(dirs, monkeypatch):
    compiles = count_compiles(monkeypatch)
    bad = PAGES["huong-dan/b.md"]  # its flyer prints the section "Các bước"...
    html = bad.html.replace("<h2>Các bước</h2>", "<h2>Cách làm</h2>")  # ...renamed
    build = FlyerBuild(SITE.settings(*dirs), FakePool(), {"huong-dan/b.md": bad.meta})
    with pytest.raises(FlyerContentError) as caught:
        build.add_page("huong-dan/b.md", html, bad.meta, "vi", "https://x.vn/b/", "b/")
    message = str(caught.value)
    assert message.startswith("docs/huong-dan/b.md: flyer.steps names the section 'Các bước'")
    assert "'Cách làm'" in message and "fix:" in message
    assert compiles == [] and build.queued == [] and build.pending == {}


def test_a_build_interrupted_mid_write_leaves_no_partial_file(dirs, monkeypatch):
    cache, site = dirs
    real_chmod = os.chmod
    interrupted = []

    def chmod(path, mode, **kw):
        # The first flyer's bytes are in their temporary file when Ctrl-C comes.
        if str(path).endswith(".tmp") and ".pdf." in str(path) and not interrupted:
            interrupted.append(path)
            raise KeyboardInterrupt
        return real_chmod(path, mode, **kw)

    monkeypatch.setattr(os, "chmod", chmod)
    build = SITE.start(cache, site, FakePool(start=0))
    with pytest.raises(KeyboardInterrupt):
        build.finish()
    build.cancel()
    assert interrupted and not Path(interrupted[0]).exists()
    assert list(site.rglob("*.pdf")) == []
    assert_nothing_partial(cache, site)
    monkeypatch.setattr(os, "chmod", real_chmod)
    summary = SITE.build(cache, site, FakePool())
    assert summary.built == 4 and summary.office_packs_built == 40
