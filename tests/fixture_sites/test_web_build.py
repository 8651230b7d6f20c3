"""Web fonts and compressed copies, through real builds of fixture sites."""

from __future__ import annotations

import gzip
import json
import re

import brotli

from tests.support.sitebuild import assert_refused, make_fixture_project, page, run_mkdocs

URL = "https://example.test/sub/"
PAGES = {
    "index.md": page("Trang chủ", "Giá vé ≥ 10.000 ₫ — xem bảng."),
    "index.en.md": page("Home", "Fares ≥ 10,000 ₫: see the table."),
}
PRECOMPRESS = "extra:\n  web:\n    precompress: true\n"


def build(tmp_path, overrides=""):
    config = make_fixture_project(tmp_path / "project", PAGES, overrides)
    return run_mkdocs(config, tmp_path / "site", URL, "--strict")


def test_compressed_copies_sit_beside_every_text_file_once_the_whole_site_is_written(tmp_path):
    result = build(tmp_path, PRECOMPRESS)
    assert result.returncode == 0, result.log
    site = tmp_path / "site"
    texts = [p for p in site.rglob("*") if p.suffix in (".html", ".css", ".js", ".json", ".svg")]
    assert len(texts) > 30
    for path in texts:
        data = path.read_bytes()
        gz, br = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
        if len(data) > 1000:  # small files may gain nothing: then there is no copy
            assert gz.is_file() and br.is_file(), path
        if gz.is_file():
            assert gzip.decompress(gz.read_bytes()) == data, path
        if br.is_file():
            assert brotli.decompress(br.read_bytes()) == data, path
    # Written last: the English pages and each language's search index have theirs.
    for late in ("en/index.html", "search/search_index.json", "en/search/search_index.json"):
        assert (site / f"{late}.br").is_file(), late
    assert list(site.rglob("*.map.gz")) == [] and list(site.rglob("*.png.gz")) == []
    assert len(re.findall(r"Compressed copies of \d+ text files", result.log)) == 1
    # An unchanged site takes every copy from the cache.
    again = build(tmp_path / "again", PRECOMPRESS)
    assert again.returncode == 0, again.log
    assert "(0 compressed by this build)" in again.log


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
    assert list(site.rglob("*.gz")) == [p for p in site.rglob("sitemap.xml.gz")]  # off: none


def test_a_bad_web_setting_is_named_with_its_fix(tmp_path):
    result = build(tmp_path, "extra:\n  web:\n    precompress: yes please\n    gzip: 9\n")
    assert_refused(
        result,
        "extra.web.precompress: expected true or false, not 'yes please'",
        "extra.web.gzip: unknown setting; expected cache_dir or precompress",
    )


def _pages_html(site) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def test_kept_templates_render_as_compiled_ones_and_an_edited_template_shows(tmp_path):
    project = tmp_path / "project"
    config = make_fixture_project(project, PAGES)
    (project / ".cache" / "web").unlink()  # this test's own compiled templates
    site = tmp_path / "site"
    assert run_mkdocs(config, site, URL, "--strict").returncode == 0
    kept = json.loads((project / ".cache" / "web" / "templates.json").read_text("utf-8"))
    assert len(kept) > 20  # Material's templates and the project's
    cold = _pages_html(site)
    assert run_mkdocs(config, site, URL, "--strict").returncode == 0
    assert _pages_html(site) == cold
    # As `mkdocs serve` does after an edit: the next build shows the template as it is now.
    footer = project / "overrides" / "partials" / "copyright.html"
    text = footer.read_text(encoding="utf-8")
    footer.write_text(text.replace("</div>\n", "Mẫu vừa sửa</div>\n", 1), encoding="utf-8")
    assert run_mkdocs(config, site, URL, "--strict").returncode == 0
    for name in ("index.html", "en/index.html"):
        assert "Mẫu vừa sửa" in (site / name).read_text(encoding="utf-8"), name
