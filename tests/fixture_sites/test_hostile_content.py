"""Hostile pages through the real command line: the build refuses each payload naming the file
and line, the content checks say the same first, and unlisted markup and front matter are
published as harmless text. (The served pages in Chromium: tests/browser/test_hostile_browser.)
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.support.git import git
from tests.support.hostile import (
    QR_TARGETS,
    REFUSED,
    ROUTES,
    STRIPPED_PAGE,
    STRIPPED_PHRASES,
    TOC_TITLES,
    qr_front_matter,
)
from tests.support.htmltext import soup, visible_text
from tests.support.sitebuild import (
    NO_FLYERS,
    ROOT,
    assert_refused,
    make_fixture_project,
    page,
    run_mkdocs,
)

URL = "https://example.test/sub/"
GOOD = {"index.md": page("Trang chủ"), "index.en.md": page("Home", "Text.", "Home page.")}
# The payloads, each built on its own; the rest go through the same code in the unit
# tests (tests/unit/content/test_sanitise.py) and the content check below.
BUILT = [
    "img-onerror", "script", "details-ontoggle", "attr-list-onclick", "tab-in-scheme",
    "svg-xlink", "markdown-javascript-link", "comment-in-code-span", "meta-refresh", "base",
    "iframe", "form", "look-alike-text",
]  # fmt: skip


def payload_pages() -> dict[str, str]:
    """Every refused payload in a page pair; even ones in Vietnamese, odd ones in English."""
    pages = {}
    for i, (name, (body, _)) in enumerate(REFUSED.items()):
        hostile = page("Trang", body, "Mô tả.")
        clean = page("Page", "Text.", "Description.")
        pages[f"{name}.md"], pages[f"{name}.en.md"] = (
            (hostile, clean) if i % 2 == 0 else (clean, hostile)
        )
    return pages


def hostile_file(name: str) -> str:
    return f"docs/{name}.md" if list(REFUSED).index(name) % 2 == 0 else f"docs/{name}.en.md"


@pytest.mark.parametrize("name", BUILT)
def test_the_build_refuses_each_payload_naming_file_and_line(tmp_path, name):
    phrase = REFUSED[name][1]
    pages = {k: v for k, v in payload_pages().items() if k.startswith(f"{name}.")}
    config = make_fixture_project(tmp_path / "project", {**GOOD, **pages}, NO_FLYERS)
    result = run_mkdocs(config, tmp_path / "site", URL)  # not even --strict is needed
    assert_refused(result)
    line = next(
        row for row in result.log.splitlines() if row.startswith(f"{hostile_file(name)}:6:")
    )
    assert phrase in line, result.log
    assert "fix:" in result.log and "Allowed HTML" in result.log
    assert not (tmp_path / "site" / "en" / name / "index.html").exists()


# Every route of ROUTES on one page, each at its own line (6, 8, 10, ...).
ROUTES_PAGE = "\n\n".join(body for body, _ in ROUTES.values())


def route_lines() -> dict[str, int]:
    return {name: 6 + 2 * i for i, name in enumerate(ROUTES)}


@pytest.mark.parametrize("hostile", ["duong-vong.md", "duong-vong.en.md"])
def test_every_route_around_the_sanitiser_stops_the_build_in_either_language(tmp_path, hostile):
    pages = {
        "duong-vong.md": page("Trang", "Nội dung.", "Mô tả."),
        "duong-vong.en.md": page("Page", "Text.", "Description."),
        hostile: page("Trang", ROUTES_PAGE, "Mô tả."),
    }
    config = make_fixture_project(tmp_path / "project", {**GOOD, **pages}, NO_FLYERS)
    result = run_mkdocs(config, tmp_path / "site", URL)
    assert_refused(result)
    rows = result.log.splitlines()
    for name, line in route_lines().items():
        phrase = ROUTES[name][1]
        assert any(r.startswith(f"docs/{hostile}:{line}:") and phrase in r for r in rows), (
            name,
            line,
            result.log,
        )
    lang = "en/" if hostile.endswith(".en.md") else ""
    assert not (tmp_path / "site" / lang / "duong-vong" / "index.html").exists()


def qr_pages() -> dict[str, str]:
    """The hostile QR targets, three to a page (a flyer's most), in both languages."""
    names = list(QR_TARGETS)
    pages = {}
    for n, start in enumerate(range(0, len(names), 3)):
        rows = "".join(
            f"    - label: Cổng\n      url: '{QR_TARGETS[name][0]}'\n"
            for name in names[start : start + 3]
        )
        extra = f"flyer:\n  qr:\n{rows}"
        pages[f"qr-{n}.md"] = page("Mã", extra=extra)
        pages[f"qr-{n}.en.md"] = page("Code", extra=extra)
    return pages


def qr_lines() -> dict[str, tuple[int, int]]:
    """Each hostile target's (page number, line of its url:)."""
    return {name: (i // 3, 7 + 2 * (i % 3)) for i, name in enumerate(QR_TARGETS)}


def test_qr_codes_that_open_other_sites_stop_the_build_naming_each(tmp_path):
    config = make_fixture_project(tmp_path / "project", {**GOOD, **qr_pages()}, NO_FLYERS)
    result = run_mkdocs(config, tmp_path / "site", URL)
    assert_refused(result, f"{len(QR_TARGETS) * 2} QR code(s) that flyers may not print")
    rows = result.log.splitlines()
    for name, (n, line) in qr_lines().items():
        for rel in (f"qr-{n}.md", f"qr-{n}.en.md"):
            assert any(
                r.startswith(f"docs/{rel}:{line}:") and QR_TARGETS[name][1] in r for r in rows
            ), (name, rel, result.log)
    assert "extra.flyers.qr_hosts" in result.log


def test_listed_qr_hosts_come_from_mkdocs_yml(tmp_path):
    pages = {
        **GOOD,
        "a.md": page("A", extra=qr_front_matter("https://evil.example/")),
        "a.en.md": page("A", extra=qr_front_matter("https://www.example.gov.vn/x/")),
    }
    hosts = "  flyers:\n    enabled: false\n    qr_hosts: [evil.example]\n"
    config = make_fixture_project(tmp_path / "project", pages, "extra:\n" + hosts)
    result = run_mkdocs(config, tmp_path / "site", "https://www.example.gov.vn/x/", "--strict")
    assert result.returncode == 0, result.log  # the listed host, and the site's own
    bad = "extra:\n  flyers:\n    enabled: false\n    qr_hosts: ['https://evil.example/']\n"
    config = make_fixture_project(tmp_path / "bad", GOOD, bad)
    result = run_mkdocs(config, tmp_path / "bad-site", URL)
    assert_refused(result, "extra.flyers.qr_hosts: 'https://evil.example/' is not a host name")


def test_the_content_checks_name_every_payload_first(tmp_path):
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    for name in ("mkdocs.yml", "pyproject.toml"):
        (root / name).write_text((ROOT / name).read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copytree(ROOT / "overrides", root / "overrides")  # mkdocs.yml's theme.custom_dir
    routes = {"duong-vong.md": page("Trang", ROUTES_PAGE), "duong-vong.en.md": page("Page")}
    for rel, text in {**GOOD, **payload_pages(), **qr_pages(), **routes}.items():
        (root / "docs" / rel).write_text(text, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_content.py"), "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    rows = proc.stdout.splitlines()
    for name, (_, phrase) in REFUSED.items():
        found = [r for r in rows if r.startswith(f"{hostile_file(name)}:6:")]
        assert any(phrase in row for row in found), (name, proc.stdout)
    for name, line in route_lines().items():
        found = [r for r in rows if r.startswith(f"docs/duong-vong.md:{line}:")]
        assert any(ROUTES[name][1] in r for r in found), (name, proc.stdout)
    for name, (n, line) in qr_lines().items():
        for rel in (f"qr-{n}.md", f"qr-{n}.en.md"):
            found = [r for r in rows if r.startswith(f"docs/{rel}:{line}:")]
            assert any(QR_TARGETS[name][1] in r for r in found), (name, rel, proc.stdout)


@pytest.fixture(scope="module")
def stripped(tmp_path_factory):
    """A page of unlisted markup and of front matter that tries to be HTML, in both languages."""
    tmp = tmp_path_factory.mktemp("stripped")
    pages = {**GOOD, "van-ban.md": STRIPPED_PAGE, "van-ban.en.md": STRIPPED_PAGE}
    config = make_fixture_project(tmp / "project", pages, NO_FLYERS)
    return config, run_mkdocs(config, tmp / "site", URL), tmp


def test_unlisted_markup_is_a_warning_that_fails_strict(stripped):
    config, result, tmp = stripped
    assert result.returncode == 0, result.log
    for phrase in STRIPPED_PHRASES:
        assert "docs/van-ban.md:" in result.log and phrase in result.log, phrase
    strict = run_mkdocs(config, tmp / "strict", URL, "--strict")
    assert strict.returncode != 0 and "Aborted with" in strict.log
    # A warm build says it again: a page with a problem is never taken from the cache.
    assert all(phrase in strict.log for phrase in STRIPPED_PHRASES), strict.log


@pytest.mark.parametrize("lang", ["", "en/"])
def test_the_table_of_contents_shows_headings_as_text(stripped, lang):
    doc = soup(stripped[2] / "site" / lang / "van-ban" / "index.html")
    toc = doc.select_one("nav.md-nav--secondary")
    titles = [visible_text(a) for a in toc.select("a.md-nav__link")]
    assert titles == list(TOC_TITLES)
    assert toc.find(["img", "script", "style", "em", "code"]) is None
    assert all(a["href"].startswith("#") for a in toc.select("a"))
    skip = doc.select_one("a.md-skip")
    assert skip is not None and skip["href"] == toc.select_one("a")["href"]


@pytest.mark.parametrize("lang", ["", "en/"])
def test_front_matter_is_printed_as_text_never_as_markup(stripped, lang):
    tmp = stripped[2]
    doc = soup(tmp / "site" / lang / "van-ban" / "index.html")
    assert doc.find("script", string=lambda s: s and "alert" in s) is None
    assert doc.find(onerror=True) is None and doc.find("b") is None
    assert doc.find("a", href=lambda h: h and "javascript" in h) is None
    header = visible_text(doc.select_one(".site-document"))
    assert "<img src=x onerror=alert(1)>" in header and "<script>alert(1)</script>" in header
    notes = visible_text(doc.select_one(".site-validity__notes"))
    assert notes.count("<script>alert(1)</script>") == 1 and "<img src=x" in notes
    history = visible_text(doc.select_one(".site-history"))
    assert "<iframe src=https://evil.example/></iframe><img src=x onerror=alert(1)>" in history
    assert doc.find("iframe") is None
    title = "Tiêu đề </title><script>alert(1)</script> & <b>đậm</b>"
    assert doc.title.get_text().startswith(title)
    assert visible_text(doc.select_one("article h1")) == title
    assert doc.find("meta", attrs={"name": "description"})["content"] == (
        '"><script>alert(1)</script>'
    )


def test_a_title_with_an_ampersand_is_escaped_once_everywhere(tmp_path):
    pages = {
        **GOOD,
        "a.md": page('"Hỏi & đáp"', "Nội dung."),
        "a.en.md": page('"Q & A"', "Text."),
        "b.md": page("Sau", "Nội dung."),
        "b.en.md": page("Next", "Text."),
    }
    config = make_fixture_project(tmp_path / "project", pages, NO_FLYERS)
    result = run_mkdocs(config, tmp_path / "site", URL, "--strict")
    assert result.returncode == 0, result.log
    html = (tmp_path / "site" / "b" / "index.html").read_text(encoding="utf-8")
    assert "&amp;amp;" not in html and "Hỏi &amp; đáp" in html
    prev = soup(tmp_path / "site" / "b" / "index.html").select_one(".md-footer__link--prev")
    assert prev["aria-label"].endswith("Hỏi & đáp")


def test_symbolic_links_under_docs_stop_the_build(tmp_path):
    config = make_fixture_project(tmp_path / "project", GOOD, NO_FLYERS)
    secret = tmp_path / "secret.md"
    secret.write_text(page("Bí mật", "Mật khẩu."), encoding="utf-8")
    (tmp_path / "project" / "docs" / "bi-mat.md").symlink_to(secret)
    result = run_mkdocs(config, tmp_path / "site", URL)
    assert_refused(result, "docs/bi-mat.md:1: this is a symbolic link")
    assert not (tmp_path / "site" / "bi-mat").exists()


def test_committed_generated_files_stop_the_build(tmp_path):
    config = make_fixture_project(tmp_path / "project", GOOD, NO_FLYERS)
    project = tmp_path / "project"
    (project / "site").mkdir()
    (project / "site" / "evil.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    git(project, "init", "-q")
    git(project, "add", "-f", "site/evil.html")
    result = run_mkdocs(config, tmp_path / "site", URL)
    assert_refused(result, "generated files are committed to git: site/evil.html")


def test_committed_files_in_a_configured_cache_folder_stop_the_build(tmp_path):
    overrides = "extra:\n  flyers:\n    enabled: false\n    cache_dir: flyer-cache\n"
    config = make_fixture_project(tmp_path / "project", GOOD, overrides)
    project = tmp_path / "project"
    (project / "flyer-cache" / "ab").mkdir(parents=True)
    (project / "flyer-cache" / "ab" / "ab12.png").write_bytes(b"\x89PNG a scam's QR code")
    git(project, "init", "-q")
    git(project, "add", "-f", "flyer-cache")
    result = run_mkdocs(config, tmp_path / "site", URL)
    assert_refused(result, "generated files are committed to git: flyer-cache/ab/ab12.png")


def test_a_page_that_turns_hostile_after_a_clean_build_is_refused(tmp_path):
    project = tmp_path / "project"
    pages = {**GOOD, "a.md": page("Trang A", "Nội dung.")}
    config = make_fixture_project(project, pages, NO_FLYERS)
    (project / ".cache" / "web").unlink()  # this test's own verdicts, not the shared fonts'
    assert run_mkdocs(config, tmp_path / "site", URL).returncode == 0
    assert (project / ".cache" / "web" / "sanitised-vi.json").is_file()
    (project / "docs" / "a.md").write_text(
        page("Trang A", "Nội dung.\n\n<script>alert(1)</script>"), encoding="utf-8"
    )
    result = run_mkdocs(config, tmp_path / "site", URL)
    assert_refused(result, "docs/a.md:")
    assert "<script" in result.log


def test_yaml_aliases_in_front_matter_stop_the_build_at_once(tmp_path):
    rows = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    rows += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    bomb = "---\ntitle: Bom\ndescription: Mô tả.\n" + "\n".join(rows) + "\n---\n\nNội dung.\n"
    pages = {**GOOD, "bom.md": bomb, "bom.en.md": page("Bomb")}
    config = make_fixture_project(tmp_path / "project", pages, NO_FLYERS)
    result = run_mkdocs(config, tmp_path / "site", URL)  # the suite's timeout is its deadline
    assert_refused(result, "docs/bom.md:4: the front matter uses a YAML anchor or alias (&a0)")


def test_a_page_address_too_long_for_a_printed_code_is_named(tmp_path):
    name = "huong-dan-" + "rat-dai-" * 24  # the address passes 200 characters
    pages = {**GOOD, f"{name}.md": page("Dài"), f"{name}.en.md": page("Long")}
    config = make_fixture_project(tmp_path / "project", pages)
    result = run_mkdocs(config, tmp_path / "site", URL)
    assert_refused(result, f"docs/{name}.md: the page's address is 228 characters long")
    assert "ValueError" not in result.log and "fix: give the file" in result.log
