"""Page dates in fixture sites built with the real command line: from git, one file per
language; from the files' own times when there is no git history (said once); set by front
matter; and the corrections link's setting."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tests.support.git import git
from tests.support.htmltext import soup, visible_text
from tests.support.pdfcheck import pdf_text
from tests.support.sitebuild import assert_refused, make_fixture_project, page, run_mkdocs

URL = "https://example.test/sub/"
ICT = timezone(timedelta(hours=7))
PAGES = {
    "index.md": page("Trang chủ"),
    "index.en.md": page("Home", "Content.", "Short description."),
    "a.md": page("Trang A", "1. Bước một.\n2. Bước hai.\n"),
    "a.en.md": page("Page A", "1. Step one.\n2. Step two.\n", "Short description."),
    "b.md": page("Trang B", extra="updated: 2024-12-31\n"),
    "b.en.md": page("Page B", "Content.", "Short description.", "updated: 2024-12-31\n"),
}


def stamp(year: int, month: int, day: int, hour: int = 12) -> int:
    return int(datetime(year, month, day, hour, tzinfo=ICT).timestamp())


def updated(site: Path, folder: str) -> str:
    return visible_text(soup(site / folder / "index.html").select_one("article .site-updated"))


def flyer_text(site: Path, folder: str) -> str:
    return pdf_text(site / folder / "flyer.pdf", 0)


def test_without_git_history_each_language_gets_its_file_time_and_the_log_says_so_once(tmp_path):
    config = make_fixture_project(tmp_path / "project", PAGES)
    docs = config.parent / "docs"
    os.utime(docs / "a.md", (stamp(2025, 3, 4), stamp(2025, 3, 4)))
    os.utime(docs / "a.en.md", (stamp(2025, 5, 6), stamp(2025, 5, 6)))
    result = run_mkdocs(config, tmp_path / "site", URL, "--strict")
    assert result.returncode == 0, result.log
    site = tmp_path / "site"
    assert updated(site, "a") == "Cập nhật: 04/03/2025"
    assert updated(site, "en/a") == "Last updated: 6 May 2025"
    assert "Cập nhật: 04/03/2025" in flyer_text(site, "a")
    assert "Last updated: 6 May 2025" in flyer_text(site, "en/a")
    # A date in the front matter wins over the file's.
    assert updated(site, "b") == "Cập nhật: 31/12/2024"
    assert updated(site, "en/b") == "Last updated: 31 December 2024"
    assert result.log.count("no git history") == 1, result.log
    # No repository set: no link, and the build says how to set one, once.
    assert soup(site / "a" / "index.html").select(".site-corrections") == []
    assert result.log.count("extra.corrections.repository is not set") == 1, result.log
    assert "SITE_REPOSITORY=" in result.log


def test_with_git_each_language_is_dated_by_its_own_file_s_last_commit(tmp_path):
    config = make_fixture_project(tmp_path / "project", PAGES)
    project = config.parent
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "first", when=stamp(2025, 1, 2))
    (project / "docs" / "a.en.md").write_text(
        page("Page A", "1. Step one, changed.\n", "Short description."), encoding="utf-8"
    )
    git(project, "commit", "-q", "-am", "English only", when=stamp(2025, 8, 10, hour=5))
    result = run_mkdocs(config, tmp_path / "site", URL, "--strict")
    assert result.returncode == 0, result.log
    site = tmp_path / "site"
    assert updated(site, "a") == "Cập nhật: 02/01/2025"
    # 05:00 in Vietnam is 22:00 UTC the day before: the day is Vietnam's.
    assert updated(site, "en/a") == "Last updated: 10 August 2025"
    assert "Last updated: 10 August 2025" in flyer_text(site, "en/a")
    assert "no git history" not in result.log


def test_a_repository_address_that_is_not_one_stops_the_build_with_a_fix(tmp_path):
    config = make_fixture_project(
        tmp_path / "project", PAGES, "extra:\n  corrections:\n    repository: github/owner\n"
    )
    result = run_mkdocs(config, tmp_path / "site", URL)
    assert_refused(
        result,
        "extra.corrections.repository 'github/owner' is not a repository's web address",
        "fix: write it in full",
    )
