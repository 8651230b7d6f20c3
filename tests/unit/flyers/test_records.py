"""Flyer records: navigation order, and the manifest a --dirty build reads."""

from __future__ import annotations

from pathlib import Path

from vneid_site.flyers.paths import output_paths
from vneid_site.flyers.records import (
    FlyerRecord,
    PosterRecord,
    in_order,
    load_manifest,
    save_manifest,
)


def record(
    url: str, title: str, fresh: bool = True, flyer: bool = True, updated: str = ""
) -> FlyerRecord:
    return FlyerRecord(
        page_url=url,
        title=title,
        historical=False,
        paths=output_paths(url),
        qr_key="q" * 64,
        flyer_key="f" * 64 if flyer else None,
        pdf_bytes=1234 if flyer else 0,
        cached_pdf=Path(f"/c/{title}.pdf") if flyer else None,
        inputs="i" * 64,
        fresh=fresh,
        updated=updated,
    )


def test_navigation_order_first_then_the_rest_by_path_without_pages_that_have_no_flyer():
    items = [("z.md", record("z/", "Z")), ("b.md", record("b/", "B", flyer=False))]
    items += [("a.md", record("a/", "A")), ("c.md", record("c/", "C")), ("d.md", None)]
    assert [r.title for r in in_order(items, ("c.md", "b.md"))] == ["C", "A", "Z"]


def test_manifest_round_trip_marks_records_as_not_fresh(tmp_path):
    path = tmp_path / "manifests" / "x.json"
    no_flyer = record("b/", "B", fresh=False, flyer=False)
    page_a = record("a/", "Trang A ý", updated="27/11/2026")
    save_manifest(path, {"a.md": page_a, "b.md": no_flyer, "c.md": None})
    loaded = load_manifest(path)
    a_loaded = record("a/", "Trang A ý", fresh=False, updated="27/11/2026")
    assert loaded == {"a.md": a_loaded, "b.md": no_flyer}


def test_manifest_keeps_the_body_size_posters_and_warning(tmp_path):
    from dataclasses import replace

    path = tmp_path / "m.json"
    posters = (PosterRecord("a4", "p" * 64, 900, "b" * 64), PosterRecord("a3", "q" * 64, 950))
    full = replace(record("a/", "A", fresh=False), body_size=12.5, posters=posters, empty="x")
    save_manifest(path, {"a.md": full})
    assert load_manifest(path) == {"a.md": full}
    assert full.poster("a3") == posters[1] and full.poster("a5") is None


def test_a_missing_or_broken_manifest_is_empty(tmp_path):
    assert load_manifest(tmp_path / "none.json") == {}
    broken = tmp_path / "broken.json"
    for text in ("{", "[]", '{"a.md": {"title": "no other keys"}}', '{"a.md": 3}'):
        broken.write_text(text, encoding="utf-8")
        assert load_manifest(broken) == {}, text
