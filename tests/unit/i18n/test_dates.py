"""Dates as each language writes them."""

from __future__ import annotations

from datetime import date

from vneid_site.i18n.dates import format_date


def test_vietnamese_and_english_forms():
    assert format_date(date(2026, 11, 27), "vi") == "27/11/2026"
    assert format_date(date(2026, 1, 5), "vi") == "05/01/2026"
    assert format_date(date(2022, 9, 5), "en") == "5 September 2022"
    assert format_date(date(2026, 12, 31), "en") == "31 December 2026"
