"""Page dates in fixture sites built with the real command line: from git, one file per
language; from the files' own times when there is no git history (said once); set by front
matter; and the corrections link's setting."""

from __future__ import annotations

import os
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tests.support.git import git
from tests.support.htmltext import soup, visible_text
from tests.support.pdfcheck import pdf_text
from tests.support.sitebuild import (
    assert_refused,
    make_fixture_project,
    own_configuration,
    page,
    run_mkdocs,
)

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
    # The profile and the templates, which every flyer's date also covers, changed before.
    own_configuration(config.parent)
    earlier = stamp(2024, 6, 1)
    for path in [config.parent / "mkdocs-main.yml", *(config.parent / "flyer-templates").iterdir()]:
        os.utime(path, (earlier, earlier))
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
    own_configuration(project)  # committed with the pages: the flyers' dates are the pages'
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


def flyer_dates(site: Path) -> dict[str, str]:
    """The date each flyer and poster prints, by file: 'Cập nhật: ...' / 'Last updated: ...'."""
    found = {}
    for pdf in sorted(site.rglob("*.pdf")):
        if pdf.name in ("flyer.pdf", "poster-a4.pdf", "poster-a3.pdf"):
            text = pdf_text(pdf, 0)
            match = re.search(
                r"(?:Cập nhật|Last updated): (\d{2}/\d{2}/\d{4}|\d{1,2} \w+ \d{4})", text
            )
            found[pdf.relative_to(site).as_posix()] = match[1] if match else ""
    return found


def test_a_change_to_the_organisation_profile_moves_every_flyer_s_date(tmp_path):
    config = make_fixture_project(tmp_path / "project", PAGES)
    project = config.parent
    own_configuration(project)
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "first", when=stamp(2025, 1, 2))
    site = tmp_path / "site"
    first = run_mkdocs(config, site, URL, "--strict")
    assert first.returncode == 0, first.log
    before = flyer_dates(site)
    assert len(before) == 18  # three pages, two languages: a flyer and two posters each
    assert set(before.values()) == {"02/01/2025", "2 January 2025"}, before

    main = project / "mkdocs-main.yml"
    old, new = "VNeID account: ask your commune or ward police.", "VNeID account: ask the police."
    assert old in main.read_text(encoding="utf-8")
    main.write_text(main.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    git(project, "commit", "-q", "-am", "contact", when=stamp(2025, 9, 15))
    # A later change elsewhere in the same file is not a change of the profile.
    text = main.read_text(encoding="utf-8").replace("site_description: >-", "site_description: >")
    main.write_text(text, encoding="utf-8")
    git(project, "commit", "-q", "-am", "description", when=stamp(2025, 10, 20))
    second = run_mkdocs(config, site, URL, "--strict")
    assert second.returncode == 0, second.log
    after = flyer_dates(site)
    assert after.keys() == before.keys()
    assert set(after.values()) == {"15/09/2025", "15 September 2025"}, after
    assert "ask the police" in pdf_text(site / "en" / "a" / "flyer.pdf", 0)
    # The pages keep their own dates; the packs' contents pages list the flyers' new ones.
    assert updated(site, "a") == "Cập nhật: 02/01/2025"
    assert updated(site, "b") == "Cập nhật: 31/12/2024"
    index = pdf_text(site / "assets" / "flyers" / "print-pack-en-a4.pdf", 0)
    assert index.count("15 September 2025") == 3 and "2 January 2025" not in index
    assert (
        pdf_text(site / "assets" / "flyers" / "poster-pack-vi-a3.pdf", 0).count("15/09/2025") == 3
    )
