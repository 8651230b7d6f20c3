"""The date a flyer prints covers the whole flyer: the latest of its page's date, the day the
organisation profile last changed (its contact, printed on every flyer) and the day the
templates last changed (their labels, such as the scam line). So "reprint if the site is newer"
also catches a change that reprints every flyer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from vneid_site.cache import KeptResults
from vneid_site.content.config_times import setting_time
from vneid_site.content.page_dates import day_of
from vneid_site.content.source_times import dates_code, source_times

PROFILE = ("extra", "organisation")


@dataclass(frozen=True)
class SharedDates:
    """The days the parts every flyer shares last changed."""

    profile: date | None  # None: the configuration sets no profile
    templates: date | None  # None: no template file

    @property
    def latest(self) -> date | None:
        days = [day for day in (self.profile, self.templates) if day is not None]
        return max(days) if days else None


def shared_dates(config_file: Path, template_dir: Path, kept: Path | None = None) -> SharedDates:
    """When the organisation profile (in `config_file` and what it inherits) and the Typst
    files of `template_dir` last changed, as the calendar days of Vietnam. `kept`: a file in
    the flyer cache where the answers are kept for the next build (see source_times)."""
    results = KeptResults(kept, dates_code()) if kept is not None else None
    profile = setting_time(config_file, PROFILE, results)
    files = sorted(p.relative_to(template_dir).as_posix() for p in template_dir.rglob("*.typ"))
    times = source_times(template_dir, files, results).times if files else {}
    if results is not None:
        results.save()
    return SharedDates(
        day_of(profile) if profile is not None else None,
        day_of(max(times.values())) if times else None,
    )


def flyer_date(page: date | None, shared: SharedDates) -> date | None:
    """The date a page's flyer and poster print."""
    days = [day for day in (page, shared.latest) if day is not None]
    return max(days) if days else None
