"""When each page's content last changed: its source's last commit, or the file's own time when
the file has uncommitted changes or the build has no git history (checks/source_times.py)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from vneid_site.checks.source_times import source_times
from vneid_site.content.schema import PageMeta

# Dates are the calendar days of Vietnam (UTC+7, no daylight saving time), where the pages are
# read and the flyers posted: a commit at 23:00 UTC counts for the next day there.
VIETNAM = timezone(timedelta(hours=7), "ICT")


@dataclass(frozen=True)
class PageDates:
    dates: dict[str, date]  # docs path ("a/b.en.md") -> day of the last change
    from_git: bool  # False: no git history, every date is a file's modification time
    shallow: bool  # a shallow clone: pages last changed before the cut show the cut's date


def day_of(timestamp: float) -> date:
    """The calendar day in Vietnam of a UNIX time."""
    return datetime.fromtimestamp(timestamp, VIETNAM).date()


def page_dates(docs_dir: Path, sources: list[str]) -> PageDates:
    """The day each of `sources` (docs-relative paths) last changed, from one `git log`."""
    files = {src: docs_dir / src for src in sources}
    times = source_times(docs_dir, list(files.values()))
    dates = {src: day_of(times.times[path.resolve()]) for src, path in files.items()}
    return PageDates(dates, from_git=times.from_git, shallow=times.shallow)


def date_pages(pages: dict[str, PageMeta], docs_dir: Path) -> list[str]:
    """Fill in `updated` of every page of `pages` (docs path -> front matter) that does not set
    it; return what the log should say, once, about where the dates came from."""
    found = page_dates(docs_dir, list(pages))
    for src, meta in pages.items():
        pages[src] = replace(meta, updated=meta.updated or found.dates[src])
    notice = fallback_notice(found)
    return [notice] if notice else []


def fallback_notice(dates: PageDates) -> str | None:
    """What the build log says, once, when the dates are not the commits' dates."""
    if not dates.from_git:
        return (
            "no git history: each page's 'last updated' date is its file's modification time. "
            "Build from a git clone for the dates of the last commits"
        )
    if dates.shallow:
        return (
            "shallow git clone: pages last changed before the clone's first commit show that "
            "commit's date. Fetch the whole history (git fetch --unshallow) for exact dates"
        )
    return None
