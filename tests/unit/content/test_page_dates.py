"""Page dates: the day in Vietnam of each source's last change, and what the log says."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from vneid_site.content.front_matter import parse_page_meta
from vneid_site.content.page_dates import date_pages, day_of, fallback_notice
from vneid_site.content.source_times import SourceTimes


def test_the_day_is_vietnam_s():
    # 20:00 UTC on 26 November is 03:00 on 27 November in Vietnam (UTC+7).
    assert day_of(datetime(2026, 11, 26, 20, tzinfo=UTC).timestamp()) == date(2026, 11, 27)


def test_without_git_the_file_time_is_used_and_a_front_matter_date_wins(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, extra in (("a.md", ""), ("b.md", "updated: 2024-12-31\n")):
        (docs / name).write_text(f"---\ntitle: T\ndescription: D\n{extra}---\n", encoding="utf-8")
    when = datetime(2025, 3, 4, 5, tzinfo=UTC).timestamp()
    os.utime(docs / "a.md", (when, when))
    pages = {
        name: parse_page_meta((docs / name).read_text(encoding="utf-8"), name)[0]
        for name in ("a.md", "b.md")
    }
    notices = date_pages(pages, docs)
    assert pages["a.md"].updated == date(2025, 3, 4)
    assert pages["b.md"].updated == date(2024, 12, 31)
    assert len(notices) == 1 and notices[0].startswith("no git history")


def test_notices():
    assert fallback_notice(SourceTimes({}, from_git=True, shallow=False)) is None
    assert "shallow" in fallback_notice(SourceTimes({}, from_git=True, shallow=True))
    assert "modification time" in fallback_notice(SourceTimes({}, from_git=False, shallow=False))
