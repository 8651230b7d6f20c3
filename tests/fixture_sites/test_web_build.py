"""Web fonts, through real builds of fixture sites."""

from __future__ import annotations

import re

from tests.support.sitebuild import make_fixture_project, page, run_mkdocs

URL = "https://example.test/sub/"
PAGES = {
    "index.md": page("Trang chủ", "Giá vé ≥ 10.000 ₫ — xem bảng."),
    "index.en.md": page("Home", "Fares ≥ 10,000 ₫: see the table."),
}


def build(tmp_path, overrides=""):
    config = make_fixture_project(tmp_path / "project", PAGES, overrides)
    return run_mkdocs(config, tmp_path / "site", URL, "--strict")


def test_fonts_carry_the_symbols_the_pages_use(tmp_path):
    from fontTools.ttLib import TTFont

    result = build(tmp_path)
    assert result.returncode == 0, result.log
    site = tmp_path / "site"
    css = (site / "assets" / "stylesheets" / "fonts.css").read_text(encoding="utf-8")
    declared = set()
    for low, high in re.findall(r"U\+([0-9A-F]+)(?:-([0-9A-F]+))?", css):
        declared.update(range(int(low, 16), int(high or low, 16) + 1))
    assert ord("≥") in declared  # beyond the Latin and Vietnamese ranges, used by the pages
    fonts = sorted((site / "assets" / "fonts").glob("*.woff2"))
    assert len(fonts) == 5
    for font in fonts:
        assert ord("≥") in TTFont(font).getBestCmap()


def test_a_bad_web_setting_is_named_with_its_fix(tmp_path):
    result = build(tmp_path, "extra:\n  web:\n    cache_dir: ''\n    gzip: 9\n")
    assert result.returncode != 0
    assert "extra.web.cache_dir: expected a folder name, not ''" in result.log
    assert "extra.web.gzip: unknown setting; expected cache_dir" in result.log
    assert "Traceback" not in result.log
