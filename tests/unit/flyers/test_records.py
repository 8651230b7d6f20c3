"""Flyer records: navigation order, and the manifest a --dirty build reads."""

from __future__ import annotations

from pathlib import Path

from vneid_site.flyers.paths import output_paths
from vneid_site.flyers.records import FlyerRecord, in_order, load_manifest, save_manifest


def record(url: str, title: str, fresh: bool = True, updated: str = "") -> FlyerRecord:
    path = Path(f"/c/{title}.pdf")
    return FlyerRecord(url, title, False, output_paths(url), 1234, path, fresh, updated)


def test_navigation_order_first_then_the_rest_by_path_without_pages_that_have_no_flyer():
    items = [("z.md", record("z/", "Z")), ("b.md", None), ("a.md", record("a/", "A"))]
    items.append(("c.md", record("c/", "C")))
    assert [r.title for r in in_order(items, ("c.md", "b.md"))] == ["C", "A", "Z"]


def test_manifest_round_trip_marks_records_as_not_fresh(tmp_path):
    path = tmp_path / "manifests" / "x.json"
    save_manifest(path, {"a.md": record("a/", "Trang A ý", updated="27/11/2026"), "b.md": None})
    loaded = load_manifest(path)
    assert loaded["b.md"] is None
    assert loaded["a.md"] == record("a/", "Trang A ý", fresh=False, updated="27/11/2026")


def test_a_missing_or_broken_manifest_is_empty(tmp_path):
    assert load_manifest(tmp_path / "none.json") == {}
    broken = tmp_path / "broken.json"
    for text in ("{", "[]", '{"a.md": {"title": "no other keys"}}', '{"a.md": 3}'):
        broken.write_text(text, encoding="utf-8")
        assert load_manifest(broken) == {}, text
