"""The flyer jobs (flyers/jobs.py): each type to its handler, one builder and cache a process,
and a worker's verified entries handed to the MkDocs process's index."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from tests.support.flyer_build import FakePool, Page, Site, count_compiles, office
from vneid_site.cache import FileCache
from vneid_site.flyers import jobs
from vneid_site.flyers.outputs import PageJob, PageOutputBuilder
from vneid_site.flyers.pack_files import PackResult
from vneid_site.flyers.packs import PackJob, PackSpec
from vneid_site.flyers.records import FlyerRecord

SITE = Site({"a.md": Page("Trang A"), "b.md": Page("Trang B")}, [office(1)])


def queued(tmp_path: Path) -> tuple[jobs.Setup, list[PageJob], Path]:
    """The page jobs of a cold build, not run, and the build's setup and site folder."""
    site = tmp_path / "site"
    pool = FakePool(start=0)
    build = SITE.start(tmp_path / "cache", site, pool)
    found = list(pool.submitted)  # with an office, the first job starts the pool
    build.cancel()
    assert len(found) == 2 and all(isinstance(job, PageJob) for job in found)
    return build.setup, found, site


def fragment_entries(path: Path) -> dict[str, list[int]]:
    """What a worker's file holds: one JSON object a job."""
    found: dict[str, list[int]] = {}
    for line in path.read_bytes().splitlines():
        found.update(json.loads(line))
    return found


def pack_job(setup_site: Path, records: list[FlyerRecord]) -> PackJob:
    spec = PackSpec("vi", "Hướng dẫn VNeID", "Sở", setup_site, volume_size=50)
    return PackJob(spec, tuple(records), office=office(1).contact("vi"), src="offices.csv:2")


def test_each_job_goes_to_its_own_handler(tmp_path, monkeypatch):
    setup, (page, _), site = queued(tmp_path)
    calls: list[tuple[str, object]] = []
    monkeypatch.setattr(
        PageOutputBuilder, "build", lambda self, job, org: calls.append(("page", job)) or "rec"
    )
    monkeypatch.setattr(jobs, "make_packs", lambda builder, job: calls.append(("packs", job)))
    assert jobs.run(setup=setup, job=page) == "rec"
    packs = pack_job(site, [])
    jobs.run(setup=setup, job=packs)
    assert calls == [("page", page), ("packs", packs)]


def test_a_page_job_makes_the_page_s_files_and_a_pack_job_its_packs(tmp_path, monkeypatch):
    setup, pages, site = queued(tmp_path)
    compiles = count_compiles(monkeypatch)
    records = [jobs.run(setup=setup, job=job) for job in pages]
    assert all(isinstance(r, FlyerRecord) and r.fresh for r in records)
    assert (site / "a" / "flyer.pdf").is_file() and (site / "b" / "poster-a3.pdf").is_file()
    assert {c.entry for c in compiles} == {"main.typ", "poster.typ"}
    result = jobs.run(setup=setup, job=pack_job(site, records))
    assert isinstance(result, PackResult) and result.office_id == "phuong-1"
    assert [pack.path for pack, made in result.packs if made] == [
        f"assets/flyers/offices/phuong-1/{name}.pdf"
        for name in (
            "print-pack-vi-a4",
            "print-pack-vi-a5x2",
            "poster-pack-vi-a4",
            "poster-pack-vi-a3",
        )
    ]
    assert all((site / pack.path).is_file() for pack, _ in result.packs)


@pytest.mark.parametrize("job", ["a.md", None, {"src": "a.md"}])
def test_anything_else_is_refused_by_name_and_makes_nothing(tmp_path, job):
    setup, _, _ = queued(tmp_path)
    before = sorted(tmp_path.rglob("*"))
    with pytest.raises(TypeError, match=f"^not a flyer job: {type(job).__name__}$"):
        jobs.run(setup=setup, job=job)
    assert sorted(tmp_path.rglob("*")) == before


def test_one_builder_a_process_while_the_template_stays_the_same(tmp_path):
    setup, _, _ = queued(tmp_path)
    builder = jobs.builder_for(setup)
    assert jobs.builder_for(setup) is builder
    # Another build of `mkdocs serve`: a new cache, the same builder (and Typst compiler).
    cache = FileCache(tmp_path / "other")
    jobs.use_cache(cache)
    assert builder.cache is cache
    other = jobs.Setup(setup.render, cache.root, "other-template-key", setup.org)
    assert jobs.builder_for(other) is builder and builder.flyer_key == "other-template-key"
    # Templates elsewhere: a builder of their own.
    templates = tmp_path / "templates"
    shutil.copytree(setup.render.template_dir, templates)
    moved = replace(setup.render, template_dir=templates)
    assert jobs.builder_for(jobs.Setup(moved, cache.root, "k", setup.org)) is not builder


def test_a_worker_keeps_what_it_verified_for_the_mkdocs_process(tmp_path, monkeypatch):
    setup, pages, _ = queued(tmp_path)
    # A fresh worker process: no cache or builder yet.
    monkeypatch.setattr(jobs, "_cache", None)
    monkeypatch.setattr(jobs, "_builder", None)
    builder = jobs.builder_for(setup)
    assert builder.cache.root == setup.cache_dir
    assert builder.cache.fragment == str(os.getpid())
    jobs.run(setup=setup, job=pages[0])
    fragment = setup.cache_dir / f"verified-{os.getpid()}.json"
    made = fragment_entries(fragment)
    assert any(name.endswith(".pdf") for name in made)
    # The MkDocs process folds it into its index, once, when the build is done.
    main = FileCache(setup.cache_dir)
    assert made.items() <= main.load_index().items()
    main.save_index()
    assert not fragment.exists()
    index = json.loads((setup.cache_dir / FileCache.INDEX).read_text(encoding="utf-8"))
    assert made.items() <= index.items()


def test_what_a_worker_verifies_after_the_index_was_read_is_kept_too(tmp_path, monkeypatch):
    # `mkdocs build` of two languages: the worker outlives the first language's build, whose
    # entries the second language's index reads when it starts; then the worker makes the
    # second language's flyers.
    setup, (first, second), _ = queued(tmp_path)
    monkeypatch.setattr(jobs, "_cache", None)
    monkeypatch.setattr(jobs, "_builder", None)
    jobs.run(setup=setup, job=first)
    main = FileCache(setup.cache_dir)
    main.load_index()
    jobs.run(setup=setup, job=second)
    fragment = setup.cache_dir / f"verified-{os.getpid()}.json"
    made = fragment_entries(fragment)
    # One line a job: what the second job verified was added, not the whole file written again.
    assert len(fragment.read_bytes().splitlines()) == 2
    main.save_index()
    # The next build finds every entry in the index: none is read again to be trusted.
    assert made.items() <= FileCache(setup.cache_dir).load_index().items()
