"""Changed sources mapped to the pages and flyers they affect, in both languages."""

from __future__ import annotations

from tests.support.sitebuild import page
from vneid_site.checks.changes import affected, to_markdown
from vneid_site.i18n.languages import Languages

LANGS = Languages(("vi", "en"))
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
    return affected(changes, set(TEXTS), TEXTS.get, LANGS)


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
            ("M", "flyer-templates/lib.typ"),
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
