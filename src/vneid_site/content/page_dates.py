"""When each page's content last changed: its source's last commit, or the file's own time when
the file has uncommitted changes or the build has no git history (checks/source_times.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from vneid_site.cache import KeptResults
from vneid_site.content.schema import PageMeta
from vneid_site.content.source_times import SourceTimes, dates_code, source_times

# Dates are the calendar days of Vietnam (UTC+7, no daylight saving time), where the pages are
# read and the flyers posted: a commit at 23:00 UTC counts for the next day there.
VIETNAM = timezone(timedelta(hours=7), "ICT")


def day_of(timestamp: float) -> date:
    """The calendar day in Vietnam of a UNIX time."""
    return datetime.fromtimestamp(timestamp, VIETNAM).date()


def date_pages(pages: dict[str, PageMeta], docs_dir: Path, kept: Path | None = None) -> list[str]:
    """Fill in `updated` of every page of `pages` (docs path -> front matter) that does not set
    it; return what the log should say, once, about where the dates came from. `kept`: a file
    in a cache folder where the times are kept for the next build (see source_times)."""
    results = KeptResults(kept, dates_code()) if kept is not None else None
    found = source_times(docs_dir, list(pages), results)
    if results is not None:
        results.save()
    for src, meta in pages.items():
        pages[src] = replace(meta, updated=meta.updated or day_of(found.times[src]))
    notice = fallback_notice(found)
    return [notice] if notice else []


def fallback_notice(times: SourceTimes) -> str | None:
    """What the build log says, once, when the dates are not the commits' dates."""
    if not times.from_git:
        return (
            "no git history: each page's 'last updated' date is its file's modification time. "
            "Build from a git clone for the dates of the last commits"
        )
    if times.shallow:
        return (
            "shallow git clone: pages last changed before the clone's first commit show that "
            "commit's date. Fetch the whole history (git fetch --unshallow) for exact dates"
        )
    return None
