"""Changed sources mapped to the pages and flyers they affect; release archive names."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest
from front_matter import parse_page_meta
from page_changes import affected, to_markdown
from page_outputs import output_paths
from site_paths import flyer_archive_name, flyer_path, page_url, split_language
from sitebuild import ROOT, page

LANGS = ("vi", "en")
TEXTS = {
    "huong-dan/dang-ky.md": page("Đăng ký | VNeID"),
    "huong-dan/dang-ky.en.md": page("Register"),
    "chi-viet.md": page("Chỉ tiếng Việt"),
    "index.md": page("Trang chủ"),
    "index.en.md": page("Home"),
    "khong-to-roi.md": page("Không tờ rơi", extra="flyer:\n  enabled: false\n"),
    "khong-to-roi.en.md": page("No flyer", extra="flyer:\n  enabled: false\n"),
}


def run(changes):
    return affected(changes, set(TEXTS), TEXTS.get, LANGS, "vi")


@pytest.mark.parametrize(
    ("src", "lang", "url"),
    [
        ("index.md", "vi", ""),
        ("index.en.md", "en", "en/"),
        ("huong-dan/dang-ky.md", "vi", "huong-dan/dang-ky/"),
        ("huong-dan/dang-ky.en.md", "en", "en/huong-dan/dang-ky/"),
        ("huong-dan/index.md", "vi", "huong-dan/"),
    ],
)
def test_site_paths_match_the_build(src, lang, url):
    found_lang, base = split_language(src, LANGS, "vi")
    assert found_lang == lang
    assert page_url(base, lang, "vi") == url
    assert flyer_path(url) == output_paths(url).flyer_pdf


def test_a_vietnamese_page_with_its_translation():
    summary = run([("M", "docs/huong-dan/dang-ky.md")])
    assert [(p.lang, p.url, p.flyer) for p in summary.pages] == [
        ("vi", "huong-dan/dang-ky/", "huong-dan/dang-ky/flyer.pdf")
    ]
    assert summary.pages[0].title == "Đăng ký | VNeID"


def test_an_untranslated_page_changes_the_english_site_too():
    summary = run([("A", "docs/chi-viet.md")])
    assert [(p.lang, p.url) for p in summary.pages] == [
        ("vi", "chi-viet/"),
        ("en", "en/chi-viet/"),
    ]
    assert all(p.change == "thêm / added" for p in summary.pages)


def test_english_page_pages_without_flyers_deleted_pages_and_site_wide_changes():
    summary = run(
        [
            ("M", "docs/index.en.md"),
            ("M", "docs/khong-to-roi.md"),
            ("D", "docs/cu.md"),
            ("M", "docs/assets/images/logo.svg"),
            ("M", "overrides/flyer/lib.typ"),
            ("M", "mkdocs.yml"),
            ("M", "README.md"),
        ]
    )
    rows = {(p.lang, p.url): p for p in summary.pages}
    assert rows["en", "en/"].flyer == "en/flyer.pdf"
    assert rows["vi", "khong-to-roi/"].flyer is None
    assert rows["vi", "cu/"].change == "xóa / deleted"
    assert summary.other_files == ["docs/assets/images/logo.svg"]
    assert len(summary.site_wide) == 2


def test_summary_markdown():
    text = to_markdown(run([("M", "docs/huong-dan/dang-ky.md")]), "https://example.test/run")
    assert "| Đăng ký \\| VNeID | vi | `huong-dan/dang-ky/` | `huong-dan/dang-ky/flyer.pdf` |" in (
        text
    )
    assert "Preview: https://example.test/run" in text
    assert "No page changed" in to_markdown(run([]))


def test_every_real_page_and_flyer_is_where_the_summary_says(site):
    docs = ROOT / "docs"
    for path in docs.rglob("*.md"):
        src = path.relative_to(docs).as_posix()
        lang, base = split_language(src, LANGS, "vi")
        url = page_url(base, lang, "vi")
        assert (site.dir / url / "index.html").is_file(), src
        meta, _ = parse_page_meta(path.read_text(encoding="utf-8"), src)
        assert (site.dir / flyer_path(url)).is_file() == meta.flyer.enabled, src


def test_release_archives_have_readable_flyer_names(tmp_path):
    site = tmp_path / "site"
    for rel in ("flyer.pdf", "en/flyer.pdf", "huong-dan/x/flyer.pdf", "en/huong-dan/x/flyer.pdf"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(b"%PDF-1.7")
    (site / "index.html").write_text("<!doctype html>", encoding="utf-8")
    (site / "assets" / "flyers").mkdir(parents=True)
    (site / "assets" / "flyers" / "print-pack-vi-a4.pdf").write_bytes(b"%PDF-1.7")
    out = tmp_path / "dist"
    script = ROOT / "scripts" / "release_files.py"
    subprocess.run(
        [sys.executable, script, "--site", site, "--out", out, "--version", "v1.0.0"],
        check=True,
        capture_output=True,
    )
    with zipfile.ZipFile(out / "flyers-v1.0.0.zip") as archive:
        assert sorted(archive.namelist()) == [
            "flyers-v1.0.0/en/huong-dan/x.pdf",
            "flyers-v1.0.0/en/index.pdf",
            "flyers-v1.0.0/print-packs/print-pack-vi-a4.pdf",
            "flyers-v1.0.0/vi/huong-dan/x.pdf",
            "flyers-v1.0.0/vi/index.pdf",
        ]
    with zipfile.ZipFile(out / "site-v1.0.0.zip") as archive:
        assert "site-v1.0.0/index.html" in archive.namelist()
        assert "site-v1.0.0/en/huong-dan/x/flyer.pdf" in archive.namelist()
    assert flyer_archive_name("en/flyer.pdf", LANGS, "vi") == "en/index.pdf"
