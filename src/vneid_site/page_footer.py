"""What the end of every page shows (overrides/partials/source-file.html): when its content last
changed, the dated notes of its change history, and where to suggest a correction."""

from __future__ import annotations

from typing import Any

from vneid_site.content.schema import PageMeta
from vneid_site.corrections import Corrections
from vneid_site.i18n.dates import format_date


def page_footer(
    meta: PageMeta | None, lang: str, corrections: Corrections | None, page: Any
) -> dict[str, Any]:
    """Template data of one page (a MkDocs page, read duck-typed: its source file, title and
    address): dates written as `lang` writes them, and the links to correct it."""
    src = page.file.src_uri
    title = meta.title if meta is not None else str(page.title or "")
    url = page.canonical_url or ""
    out: dict[str, Any] = {"updated": None, "history": [], "corrections": None}
    if meta is not None and meta.updated is not None:
        out["updated"] = {"iso": meta.updated.isoformat(), "text": format_date(meta.updated, lang)}
    if meta is not None:
        out["history"] = [
            {"iso": c.date.isoformat(), "date": format_date(c.date, lang), "text": c.text}
            for c in meta.history
        ]
    if corrections is not None:
        out["corrections"] = {
            "edit": corrections.edit_url(src),
            "issue": corrections.issue_url(title, url),
        }
    return out
