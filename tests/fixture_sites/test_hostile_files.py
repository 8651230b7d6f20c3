"""Routes around the page sanitiser, through the real command line, in both languages: files in
docs/ published as they are, front matter and page sizes that crashed or stalled the build,
symbolic links and flyer folders that let Typst read the machine's files, and the offices file.
Each is refused naming the file, the line and the fix, with no traceback; what is allowed is
published as it is. The content checks say the same first."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.hostile_files import CLEAN_SVG, FILES, PAGES, REFUSED_SVG, hostile_page
from tests.support.offices import csv_text
from tests.support.offices import pages as office_pages
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


def hostile_svgs() -> dict[str, bytes]:
    """Every refused drawing, even ones as Vietnamese files, odd ones as English (.en.svg)."""
    return {
        f"assets/images/{name}{'.en' if i % 2 else ''}.svg": svg.encode("utf-8")
        for i, (name, (svg, _)) in enumerate(REFUSED_SVG.items())
    }


def hostile_pages() -> dict[str, str]:
    """Every hostile page twice: as a Vietnamese page, and as the English one of another pair."""
    out = {}
    for name in PAGES:
        out[f"{name}.md"] = hostile_page(name, "Trang")
        out[f"{name}.en.md"] = page("Page", "Text.", "Description.")
        out[f"{name}-2.md"] = page("Trang", "Nội dung.", "Mô tả.")
        out[f"{name}-2.en.md"] = hostile_page(name, "Page")
    return out


def add_files(config: Path, files: dict[str, bytes]) -> None:
    docs = config.parent / "docs"
    for src, data in files.items():
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        (docs / src).write_bytes(data)


def lines_of(log: str, path: str) -> list[str]:
    """The log's problem lines for one file, with their continuation (the fix)."""
    return [row for row in log.split("\n") if row.startswith(f"{path}:")]


@pytest.fixture(scope="module")
def refused_files(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("files")
    config = make_fixture_project(tmp / "project", GOOD, NO_FLYERS)
    bad = {src: data for src, (data, phrase) in FILES.items() if phrase is not None}
    add_files(config, {**bad, **hostile_svgs()})
    (config.parent / "docs" / "Hướng dẫn.md").write_text(page("Hướng dẫn"), encoding="utf-8")
    (config.parent / "docs" / "Hướng dẫn.en.md").write_text(page("Guide"), encoding="utf-8")
    return config, run_mkdocs(config, tmp / "site", URL)


def test_files_a_page_may_not_carry_stop_the_build_each_named_with_its_fix(refused_files):
    _, result = refused_files
    assert_refused(result, "file(s) the site may not publish")
    for src, (_, phrase) in FILES.items():
        if phrase is None:
            continue
        shown = "docs/Tài liệu" if src.startswith("Tài liệu/") else f"docs/{src}"
        rows = lines_of(result.log, shown)
        assert rows and phrase in result.log.split(f"{shown}:1: ", 1)[1][:400], (src, result.log)
    assert "docs/Hướng dẫn.md:1: its name has Vietnamese letters" in result.log
    assert "docs/Hướng dẫn.en.md:1: its name has Vietnamese letters" in result.log
    assert "rename it to 'huong-dan.md'" in result.log
    assert not (result.site_dir / "trang.html").exists()  # nothing was published


def test_each_hostile_svg_is_refused_in_both_languages(refused_files):
    _, result = refused_files
    for i, (name, (_, phrase)) in enumerate(REFUSED_SVG.items()):
        shown = f"docs/assets/images/{name}{'.en' if i % 2 else ''}.svg"
        rows = [row for row in lines_of(result.log, shown) if "the SVG file" in row]
        assert any(phrase in row for row in rows), (name, rows)


def test_images_pdf_fonts_and_plain_drawings_are_published_as_they_are(tmp_path):
    config = make_fixture_project(tmp_path / "project", GOOD, NO_FLYERS)
    good = {src: data for src, (data, phrase) in FILES.items() if phrase is None}
    add_files(config, {**good, "assets/images/so-do.en.svg": CLEAN_SVG.encode()})
    result = run_mkdocs(config, tmp_path / "site", URL, "--strict")
    assert result.returncode == 0, result.log
    for src, data in good.items():
        assert (tmp_path / "site" / src).read_bytes() == data, src
    # static-i18n publishes an English file under /en/.
    assert (tmp_path / "site" / "en" / "assets/images/so-do.svg").is_file()
    assert (tmp_path / "site" / "assets/javascripts/search-highlight.js").is_file()


@pytest.fixture(scope="module")
def refused_pages(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pages")
    config = make_fixture_project(tmp / "project", {**GOOD, **hostile_pages()}, NO_FLYERS)
    return config, run_mkdocs(config, tmp / "site", URL)


@pytest.mark.parametrize("name", PAGES)
def test_hostile_front_matter_and_sizes_are_refused_in_both_languages(refused_pages, name):
    _, result = refused_pages
    assert_refused(result, "problem(s) in the pages' front matter or size")
    _, _, line, phrase = PAGES[name]
    for shown in (f"docs/{name}.md", f"docs/{name}-2.en.md"):
        rows = lines_of(result.log, shown)
        assert any(row.startswith(f"{shown}:{line}: ") and phrase in row for row in rows), (
            shown,
            rows,
        )
    assert "fix: " in result.log


def test_the_content_checks_name_the_same_files_and_pages(refused_pages):
    root = refused_pages[0].parent
    add_files(refused_pages[0], {k: v for k, (v, p) in FILES.items() if p is not None})
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_content.py"), "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    for name, (_, _, line, _) in PAGES.items():
        assert f"docs/{name}.md:{line}: " in proc.stdout, name
        assert f"docs/{name}-2.en.md:{line}: " in proc.stdout, name
    for src, (_, phrase) in FILES.items():
        if phrase is not None and not src.startswith("Tài liệu/"):
            assert f"docs/{src}:1: " in proc.stdout, src


def test_symbolic_links_anywhere_in_the_project_stop_the_build(tmp_path):
    config = make_fixture_project(tmp_path / "project", GOOD, NO_FLYERS)
    project = config.parent
    (project / "flyer-templates" / "passwd.typ").symlink_to("/etc/passwd")
    (project / "overrides" / "partials" / "secret.html").symlink_to("/etc/hostname")
    (project / "hooks" / "elsewhere").symlink_to(tmp_path, target_is_directory=True)
    result = run_mkdocs(config, tmp_path / "site", URL)
    assert_refused(
        result,
        "flyer-templates/passwd.typ:1: this is a symbolic link",
        "hooks/elsewhere:1: this is a symbolic link",
        "overrides/partials/secret.html:1: this is a symbolic link",
        "fix: replace it with a real copy",
    )


@pytest.mark.parametrize(
    ("setting", "value"), [("cache_dir", "/"), ("template_dir", "../.."), ("offices", "/etc/x")]
)
def test_flyer_folders_outside_the_project_stop_the_build(tmp_path, setting, value):
    overrides = f"extra:\n  flyers:\n    {setting}: {value}\n"
    config = make_fixture_project(tmp_path / "project", GOOD, overrides)
    result = run_mkdocs(config, tmp_path / "site", URL)
    assert_refused(
        result,
        f"mkdocs.yml: extra.flyers.{setting}: '{value}' is outside the project",
        "fix: use a path inside the project",
    )


def test_control_characters_in_the_offices_file_stop_the_build(tmp_path):
    offices = {"phuong-5": ("Phường 5\u202e", "", "Số 1", "0000 000 005", "")}
    config = make_fixture_project(
        tmp_path / "project", office_pages(), "extra:\n  flyers:\n    offices: offices.csv\n"
    )
    (config.parent / "offices.csv").write_text(csv_text(offices), encoding="utf-8")
    result = run_mkdocs(config, tmp_path / "site", URL)
    assert_refused(
        result,
        "offices.csv:2: the 'name' cell holds an invisible control character "
        "(U+202E RIGHT-TO-LEFT OVERRIDE",
        "fix: retype the cell's text",
    )
