"""Dates as each language writes them: "27/11/2026" in Vietnamese, "27 November 2026" in English
(the form the English pages use, never "27/11")."""

from __future__ import annotations

from datetime import date

_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_date(day: date, lang: str) -> str:
    """`day` written the way `lang` writes dates; the Vietnamese form for other languages."""
    if lang == "en":
        return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    return f"{day.day:02d}/{day.month:02d}/{day.year}"
