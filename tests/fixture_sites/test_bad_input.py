"""Mistakes contributors make, built with the real command line: clear messages, no tracebacks."""

from __future__ import annotations

from tests.support.htmltext import soup, visible_text
from tests.support.sitebuild import assert_refused, make_fixture_project, page, run_mkdocs

URL = "https://example.test/sub/"
GOOD = {
    "index.md": page("Trang chủ"),
    "index.en.md": page("Home", "Content.", "Short description."),
}


def build(tmp_path, pages, overrides="", *args, site_url=URL):
    config = make_fixture_project(tmp_path / "project", {**GOOD, **pages}, overrides)
    return run_mkdocs(config, tmp_path / "site", site_url, *args)


def test_fixture_site_builds_cleanly(tmp_path):
    result = build(tmp_path, {}, "", "--strict")
    assert result.returncode == 0, result.log
    assert (tmp_path / "site" / "en" / "index.html").is_file()


def test_broken_yaml_front_matter_fails_naming_file_and_line(tmp_path):
    broken = "---\ntitle: Hướng dẫn\ndescription: [chưa đóng ngoặc\n---\n\nNội dung.\n"
    result = build(tmp_path, {"huong-dan.md": broken, "huong-dan.en.md": page("Guide")})
    assert_refused(result, "docs/huong-dan.md:", "not valid YAML", "fix:")


def test_unclosed_front_matter_fails(tmp_path):
    broken = "---\ntitle: Hướng dẫn\ndescription: Mô tả.\n\nNội dung.\n"
    result = build(tmp_path, {"mo.md": broken, "mo.en.md": page("Open")})
    assert_refused(result, "docs/mo.md:1: the front matter has no closing '---' line")


def test_wrong_key_and_missing_description_are_all_reported(tmp_path):
    bad = "---\ntitle: Hướng dẫn\nflyer:\n  sumary: Tóm tắt\n---\n\nNội dung.\n"
    result = build(tmp_path, {"sai.md": bad, "sai.en.md": page("Wrong")})
    assert_refused(
        result,
        "docs/sai.md:4: unknown key 'flyer.sumary'",
        "use one of: enabled, summary, steps, note, qr",
        "'description' is missing",
    )


def test_missing_translation_is_named_fails_strict_and_is_shown_as_not_translated(tmp_path):
    # --strict stops the build after the pages are written, so one build shows both.
    pages = {"chi-tieng-viet.md": page("Chỉ có tiếng Việt", "Nội dung riêng.")}
    result = build(tmp_path, pages, "", "--strict")
    assert_refused(
        result,
        "Aborted with 1 warning",
        "docs/chi-tieng-viet.md:1: this page has no English translation "
        "(docs/chi-tieng-viet.en.md)",
        "fix: add docs/chi-tieng-viet.en.md",
    )
    en = soup(tmp_path / "site" / "en" / "chi-tieng-viet" / "index.html")
    notice = en.select_one("[data-untranslated]")
    assert notice is not None and "not been translated into English" in visible_text(notice)
    assert en.html["lang"] == "en"
    assert en.select_one(".site-content")["lang"] == "vi"
    assert "Nội dung riêng." in visible_text(en.select_one(".site-content"))
    # No English hreflang is claimed for Vietnamese text.
    assert {link["hreflang"] for link in en.find_all("link", hreflang=True)} == {"vi", "x-default"}


def test_missing_site_url_stops_with_how_to_set_it(tmp_path):
    result = build(tmp_path, {}, "site_url: null", site_url=None)
    assert_refused(result, "site_url is not set", "SITE_URL=")


def test_organisation_profile_is_configuration(tmp_path):
    profile = """
extra:
  organisation:
    name: {vi: Tỉnh Thử Nghiệm, en: Test Province}
    department: {vi: Sở Khoa học và Công nghệ, en: Department of Science and Technology}
    hotline: "0000"
    contact: {vi: Liên hệ thử., en: Test contact.}
    logo: assets/images/logo.svg
"""
    result = build(tmp_path, {}, profile, "--strict")
    assert result.returncode == 0, result.log
    vi = soup(tmp_path / "site" / "index.html")
    en = soup(tmp_path / "site" / "en" / "index.html")
    assert (
        visible_text(vi.select_one(".site-header__org"))
        == "Sở Khoa học và Công nghệ · Tỉnh Thử Nghiệm"
    )
    assert "Department of Science and Technology" in visible_text(en.select_one(".site-footer"))
    assert "0000" in visible_text(en.select_one(".site-footer"))


def test_incomplete_organisation_profile_names_each_key(tmp_path):
    profile = "extra:\n  organisation:\n    name: {vi: Tỉnh}\n    department: 42\n    hotlin: '1'\n"
    result = build(tmp_path, {}, profile)
    assert_refused(
        result,
        "extra.organisation.hotlin: unknown key",
        "extra.organisation.department: expected a text",
        "got int",
    )


def test_flyer_hook_without_the_site_hook_names_what_is_missing(tmp_path):
    result = build(tmp_path, {}, "hooks:\n  - hooks/flyer_hook.py\n")
    assert_refused(
        result,
        "hooks/flyer_hook.py needs what hooks/site_hook.py provides",
        "fix: list hooks/site_hook.py before hooks/flyer_hook.py",
    )
    assert "KeyError" not in result.log
