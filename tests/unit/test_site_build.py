"""What the hooks share across the language builds (site_build.py): the pages' front matter
read once, with what the log says, and the hooks that need it finding it, through site_build
and not through MkDocs' config."""

from __future__ import annotations

import logging
import os
import re
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.support.sitebuild import ROOT, page
from vneid_site import site_build
from vneid_site.content.limits import MAX_LINE_CHARS
from vneid_site.corrections import NOT_SET, Corrections
from vneid_site.i18n.languages import Languages
from vneid_site.site_build import (
    PageProblems,
    SiteBuild,
    SiteBuildMissing,
    begin_build,
    current_build,
    end_build,
)

# 2026-03-01 20:00 UTC is already 2 March in Vietnam, where the dates are read.
MTIME = datetime(2026, 3, 1, 20, 0, tzinfo=UTC).timestamp()


def settings(tmp_path: Path, corrections: Corrections | None = None) -> SimpleNamespace:
    """The settings the page reading uses (the rest of SiteSettings plays no part)."""
    return SimpleNamespace(
        corrections=corrections, web=SimpleNamespace(cache_dir=tmp_path / ".cache" / "web")
    )


def sources(tmp_path: Path, pages: dict[str, str]) -> tuple[list[tuple[str, str]], Path]:
    """The pages written into a docs folder outside git, each last changed at MTIME."""
    docs = tmp_path / "docs"
    for src, text in pages.items():
        path = docs / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        os.utime(path, (MTIME, MTIME))
    return list(pages.items()), docs


def test_pages_are_read_dated_and_what_the_log_says_is_returned(tmp_path):
    pages = {
        "a.md": page("Trang A"),
        "a.en.md": page("Page A", extra="updated: 2025-12-31\n"),
        "huong-dan/b.md": page("Trang B"),  # no English translation yet
    }
    build = SiteBuild(Languages(("vi", "en")), settings(tmp_path))
    said = build.read_pages(*sources(tmp_path, pages))
    assert sorted(build.pages) == ["a.en.md", "a.md", "huong-dan/b.md"]
    assert build.pages["a.md"].title == "Trang A"
    # A page's own date stays; the others are their files' days, in Vietnam.
    assert build.pages["a.en.md"].updated == date(2025, 12, 31)
    assert build.pages["a.md"].updated == build.pages["huong-dan/b.md"].updated == date(2026, 3, 2)
    levels = [level for level, _ in said]
    assert levels == [logging.INFO, logging.INFO, logging.WARNING]
    assert said[0][1].startswith("no git history")
    assert said[1][1] == NOT_SET
    assert said[2][1].startswith("docs/huong-dan/b.md:1: ") and "English" in said[2][1]


def test_with_a_corrections_repository_the_log_does_not_ask_for_one(tmp_path):
    corrections = Corrections("https://code.example.org/o/r", "main", "docs")
    build = SiteBuild(Languages(("vi",)), settings(tmp_path, corrections))
    said = build.read_pages(*sources(tmp_path, {"a.md": page("Trang A")}))
    assert NOT_SET not in [message for _, message in said]
    assert [level for level, _ in said] == [logging.INFO]  # the dates' source, alone


def test_every_page_s_problem_is_reported_at_once_and_no_page_is_read_past_a_limit(tmp_path):
    pages = {
        "a.md": page("Trang A"),
        "b.md": "---\ntitle: Trang B\n---\n\nNội dung.\n",  # no description
        "c.md": page("Trang C", body="x" * (MAX_LINE_CHARS + 1)),
    }
    build = SiteBuild(Languages(("vi",)), settings(tmp_path))
    with pytest.raises(PageProblems) as caught:
        build.read_pages(*sources(tmp_path, pages))
    lines = str(caught.value).splitlines()
    assert lines[0] == "2 problem(s) in the pages' front matter or size:"
    assert lines[1].startswith("docs/b.md:") and "description" in lines[1]
    assert any(line.startswith("docs/c.md:") for line in lines[2:])
    assert "c.md" not in build.pages and "b.md" not in build.pages


def test_a_page_within_the_limits_is_not_measured_again_until_it_changes(tmp_path, monkeypatch):
    pages = {"a.md": page("Trang A"), "c.md": page("Trang C", body="x" * (MAX_LINE_CHARS + 1))}
    measured: list[str] = []
    real = site_build.page_limits
    monkeypatch.setattr(
        site_build, "page_limits", lambda text, shown: measured.append(shown) or real(text, shown)
    )
    for _ in range(2):  # a page over a limit is refused on every build
        with pytest.raises(PageProblems, match=r"docs/c\.md"):
            SiteBuild(Languages(("vi",)), settings(tmp_path)).read_pages(*sources(tmp_path, pages))
    assert measured == ["docs/a.md", "docs/c.md", "docs/c.md"]
    measured.clear()
    pages = {"a.md": page("Trang A"), "b.md": page("Trang B")}
    build = SiteBuild(Languages(("vi",)), settings(tmp_path))
    build.read_pages(*sources(tmp_path, pages))
    assert measured == ["docs/b.md"] and sorted(build.pages) == ["a.md", "b.md"]
    pages["a.md"] = page("Trang A", body="x" * (MAX_LINE_CHARS + 1))  # a.md changed
    with pytest.raises(PageProblems, match=r"docs/a\.md"):
        SiteBuild(Languages(("vi",)), settings(tmp_path)).read_pages(*sources(tmp_path, pages))


def test_a_hook_without_the_site_hook_s_build_is_told_how_to_list_the_hooks():
    end_build()
    with pytest.raises(SiteBuildMissing) as err:
        current_build("flyer_hook.py")
    message = str(err.value)
    assert "hooks/flyer_hook.py needs what hooks/site_hook.py provides" in message
    assert "fix: list hooks/site_hook.py before hooks/flyer_hook.py" in message


def test_a_build_is_shared_until_it_ends(tmp_path):
    site = site_build.SiteBuild(Languages(), settings(tmp_path))
    begin_build(site)
    try:
        assert current_build("flyer_hook.py") is site
        assert site_build.running_build() is site
    finally:
        end_build()
    assert site_build.running_build() is None


def test_no_hook_or_template_passes_state_through_config_extra():
    for hook in (ROOT / "hooks").glob("*.py"):
        assert "config.extra" not in hook.read_text(encoding="utf-8"), hook.name
    # Material's own keys (homepage, alternate, ...) stay; the project's are template globals.
    ours = re.compile(r"config\.extra\.(org|web_build|search_root|search_worker|site_build)\b")
    for template in (ROOT / "overrides").rglob("*.html"):
        assert not ours.search(template.read_text(encoding="utf-8")), template.name
