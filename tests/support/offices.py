"""Fixture sites with an offices file: the pages, and the CSV as Excel saves it."""

from __future__ import annotations

from tests.support.sitebuild import STEPS, page
from vneid_site.flyers.offices import COLUMNS


def csv_text(offices: dict[str, tuple[str, ...]]) -> str:
    def cell(value: str) -> str:
        return '"' + value.replace('"', '""') + '"'

    rows = [",".join(COLUMNS)]
    for office_id, (name, name_en, address, phone, hours) in offices.items():
        fields = [office_id, name, name_en, address, "", phone, hours, ""]
        rows.append(",".join(cell(f) for f in fields))
    return "\ufeff" + "\r\n".join(rows) + "\r\n"  # as Excel's "CSV UTF-8" saves it


def pages() -> dict[str, str]:
    out = {"index.md": page("Trang chủ"), "index.en.md": page("Home", "Text.", "Home.")}
    for name in ("a", "b"):
        out[f"{name}.md"] = page(f"Trang {name}", "## Các bước\n\n1. Một.\n", extra=STEPS)
        out[f"{name}.en.md"] = page(f"Page {name}", "## Các bước\n\n1. One.\n", extra=STEPS)
    flyers_page = "template: flyers.html\nflyer:\n  enabled: false\n"
    out["to-roi.md"] = page("Tờ rơi để in", extra=flyers_page)
    out["to-roi.en.md"] = page("Printable flyers", extra=flyers_page)
    return out
