"""Large and hostile pages build in time that grows with their size, not with its square: the
same build of a page and of a page four times larger, compared in the same test (the figures
against plain MkDocs are in bench/large_pages.py)."""

from __future__ import annotations

import time
from pathlib import Path

from tests.support.htmltext import soup
from tests.support.large_pages import large_page, unclosed_links
from tests.support.sitebuild import make_fixture_project, page, run_mkdocs

URL = "https://example.test/sub/"
GOOD = {"index.md": page("Trang chủ"), "index.en.md": page("Home", "Text.", "Home page.")}


def timed(tmp: Path, pages: dict[str, str]) -> float:
    config = make_fixture_project(tmp / "project", {**GOOD, **pages})
    start = time.perf_counter()
    result = run_mkdocs(config, tmp / "site", URL, "--strict")
    seconds = time.perf_counter() - start
    assert result.returncode == 0, result.log[-3000:]
    return seconds


def test_a_1_mb_page_costs_four_times_a_quarter_megabyte_one_at_most(tmp_path):
    def pair(size: int) -> dict[str, str]:
        return {"lon.md": large_page(size, "Trang lớn"), "lon.en.md": large_page(size, "Large")}

    small = timed(tmp_path / "small", pair(250_000))
    large = timed(tmp_path / "large", pair(1_000_000))
    assert large / small < 8  # quadratic passes made it 16 and more (443 s for 1 MB)
    doc = soup(tmp_path / "large" / "site" / "en" / "lon" / "index.html")
    assert len(doc.select("article a[data-print-url]")) > 1000
    assert (tmp_path / "large" / "site" / "en" / "lon" / "flyer.pdf").is_file()


def test_unclosed_links_cost_linear_time_in_the_build(tmp_path):
    def pair(size: int) -> dict[str, str]:
        return {"mo.md": unclosed_links(size, "Mở"), "mo.en.md": unclosed_links(size, "Open")}

    small = timed(tmp_path / "small", pair(58_500))
    large = timed(tmp_path / "large", pair(234_000))
    assert large / small < 8
    doc = soup(tmp_path / "large" / "site" / "mo" / "index.html")
    assert len(doc.select("article a")) >= 234_000 // 35
