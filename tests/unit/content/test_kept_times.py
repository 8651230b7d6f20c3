"""Dates from git kept between builds: taken again only for the same commit and the same files,
worked out again from git when either changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.git import git
from vneid_site.cache import KeptResults
from vneid_site.content import config_times, source_times
from vneid_site.content.config_times import setting_time
from vneid_site.content.source_times import dates_code

PROFILE = ("extra", "organisation")


@pytest.fixture
def logs(monkeypatch) -> list[tuple[str, ...]]:
    """The `git log` calls made, by either module."""
    calls: list[tuple[str, ...]] = []
    for module in (source_times, config_times):
        real = module.run_git

        def counted(folder, *args, _real=real, **kw):
            if args[:1] == ("log",):
                calls.append(args)
            return _real(folder, *args, **kw)

        monkeypatch.setattr(module, "run_git", counted)
    return calls


def kept(path: Path) -> KeptResults:
    return KeptResults(path, dates_code())  # as a new build reads it


def times(folder: Path, store: Path) -> dict[str, float]:
    results = kept(store)
    found = source_times.source_times(folder, ["a.md", "b.md"], results).times
    results.save()
    return found


def committed_pages(repo: Path, docs: Path) -> None:
    """a.md and b.md in `docs`, committed in a new repository `repo` at 1_700_000_000."""
    docs.mkdir(parents=True, exist_ok=True)
    for name in ("a.md", "b.md"):
        (docs / name).write_text(name, encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first", when=1_700_000_000)


def test_page_times_are_kept_for_the_same_commit_and_files(tmp_path, logs):
    docs, store = tmp_path / "docs", tmp_path / "cache" / "times.json"
    committed_pages(tmp_path, docs)
    store.parent.mkdir()
    assert times(docs, store) == {"a.md": 1_700_000_000, "b.md": 1_700_000_000}
    assert len(logs) == 1
    assert times(docs, store) == {"a.md": 1_700_000_000, "b.md": 1_700_000_000}
    assert len(logs) == 1  # the second build asked git nothing more

    # An edit not yet committed: the file's own time, worked out again.
    (docs / "a.md").write_text("edited", encoding="utf-8")
    os.utime(docs / "a.md", (1_800_000_000, 1_800_000_000))
    assert times(docs, store)["a.md"] == 1_800_000_000
    assert len(logs) == 2
    # Committed: a new commit, so git is asked again.
    git(tmp_path, "commit", "-q", "-am", "edit", when=1_750_000_000)
    assert times(docs, store) == {"a.md": 1_750_000_000, "b.md": 1_700_000_000}
    assert len(logs) == 3
    # A damaged store is worked out again, never trusted.
    store.write_text('{"x": "y"', encoding="utf-8")
    assert times(docs, store) == {"a.md": 1_750_000_000, "b.md": 1_700_000_000}
    assert len(logs) == 4


def test_a_shallow_clone_keeps_nothing(tmp_path, logs):
    origin, clone = tmp_path / "origin", tmp_path / "clone"
    committed_pages(origin, origin)
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", str(clone))
    store = tmp_path / "times.json"
    times(clone, store)
    times(clone, store)
    assert len(logs) == 2
    assert not store.exists()


def write_config(folder: Path, contact: str) -> Path:
    path = folder / "mkdocs.yml"
    path.write_text(
        f"INHERIT: base.yml\nextra:\n  organisation:\n    contact: {contact}\n", encoding="utf-8"
    )
    return path


def test_a_setting_s_time_is_kept_until_the_file_or_an_inherited_one_changes(tmp_path, logs):
    base = tmp_path / "base.yml"
    base.write_text("extra:\n  organisation:\n    name: Org\n", encoding="utf-8")
    config = write_config(tmp_path, "Ask the ward.")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first", when=1_700_000_000)
    store = tmp_path / ".cache" / "dates.json"
    store.parent.mkdir()

    def answer() -> float | None:
        results = kept(store)
        found = setting_time(config, PROFILE, results)
        results.save()
        return found

    assert answer() == 1_700_000_000
    asked = len(logs)
    assert asked == 2  # one log for each file
    assert answer() == 1_700_000_000
    assert len(logs) == asked
    # The inherited file changes (not committed): its time, worked out again.
    base.write_text("extra:\n  organisation:\n    name: Other\n", encoding="utf-8")
    os.utime(base, (1_800_000_000, 1_800_000_000))
    assert answer() == 1_800_000_000
    assert len(logs) > asked
    # The same answer as without a store.
    assert setting_time(config, PROFILE) == 1_800_000_000


def test_a_setting_inherited_from_another_checkout_is_not_kept(tmp_path, logs):
    # The configuration has no git history; the file it inherits has its own: that history's
    # commit is not in the key, so a commit there must be seen on the next build.
    shared, project = tmp_path / "shared", tmp_path / "project"
    shared.mkdir()
    project.mkdir()
    base = shared / "base.yml"
    base.write_text("extra:\n  organisation:\n    name: Org\n", encoding="utf-8")
    git(shared, "init", "-q")
    git(shared, "add", ".")
    git(shared, "commit", "-q", "-m", "first", when=1_700_000_000)
    base.write_text("extra:\n  organisation:\n    name: Other\n", encoding="utf-8")
    os.utime(base, (1_800_000_000, 1_800_000_000))
    config = project / "mkdocs.yml"
    config.write_text("INHERIT: ../shared/base.yml\nsite_name: X\n", encoding="utf-8")
    store = tmp_path / "dates.json"

    def answer() -> float | None:
        results = kept(store)
        found = setting_time(config, PROFILE, results)
        results.save()
        return found

    assert answer() == 1_800_000_000  # edited, not committed: the file's time
    git(shared, "commit", "-q", "-am", "other name", when=1_750_000_000)  # the file is as it was
    assert answer() == 1_750_000_000
