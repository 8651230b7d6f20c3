"""Flyers from hostile and unusual pages, and the cache, through real builds of fixture sites."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.support.htmltext import soup
from tests.support.pdfcheck import decode_qr, link_uris, pdf_text, render_page, text_runs
from tests.support.sitebuild import STEPS, assert_refused, make_fixture_project, page, run_mkdocs

URL = "https://example.test/sub/"
HOME = {"index.md": page("Trang chủ"), "index.en.md": page("Home", "Text.", "Home page.")}


def both(name: str, vi: str, en: str | None = None) -> dict[str, str]:
    return {f"{name}.md": vi, f"{name}.en.md": en if en is not None else vi}


def build(tmp_path: Path, pages: dict[str, str], *args: str):
    project = tmp_path / "project"
    if not project.exists():
        make_fixture_project(project, {**HOME, **pages})
    else:
        for rel, text in pages.items():
            (project / "docs" / rel).write_text(text, encoding="utf-8")
    return run_mkdocs(project / "mkdocs.yml", tmp_path / "site", URL, *args)


def flyer_text(site: Path, rel: str) -> tuple[int, str]:
    reader = PdfReader(site / rel / "flyer.pdf")
    return len(reader.pages), pdf_text(reader)


def counts(log: str, lang: str) -> tuple[int, int]:
    """(flyers built, flyers from cache) of the last build of `lang` in a build log."""
    return packs_and_counts(log, lang)[:2]


def packs_and_counts(log: str, lang: str) -> tuple[int, int, int]:
    found = re.findall(
        rf"flyers: (\d+) built, (\d+) from cache; print packs: (\d+) built \({lang}\)", log
    )
    assert found, log
    return tuple(int(n) for n in found[-1])


# Short steps for the large-print poster of a page whose own steps are long.
POSTER = "  poster_steps: [Bước một., Bước hai.]\n"


HOSTILE_TITLE = 'Ký tự #set $x$ @ref *a* _b_ <c> \\ [d] `e` & "f"'
HOSTILE_STEPS = """
## Các bước

1. Gõ `#panic("boom")` rồi `#read("/etc/passwd")`.
2. Công thức $1 + 1$ và nhãn @ref, dấu \\# \\* \\_ \\[ \\] \\\\ < > & ký tự `` ` ``.
3. Bấm **Đăng ký** rồi mở [trang chủ](index.md).
"""


def hostile_page() -> str:
    title = HOSTILE_TITLE.replace("'", "''")  # YAML single quotes: no escapes inside
    return f"---\ntitle: '{title}'\ndescription: Mô tả.\n{STEPS}---\n" + HOSTILE_STEPS


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """One strict build of the page of markup characters, for the tests that read it."""
    result = build(tmp_path_factory.mktemp("hostile"), both("ky-tu", hostile_page()), "--strict")
    assert result.returncode == 0, result.log
    return result


def test_markup_characters_print_literally_and_never_run(hostile):
    result = hostile
    pages, text = flyer_text(result.site_dir, "ky-tu")
    assert pages == 1
    assert HOSTILE_TITLE in text
    assert '#panic("boom")' in text and '#read("/etc/passwd")' in text
    assert "$1 + 1$" in text and "@ref" in text and "# * _ [ ] \\ < > &" in text
    reader = PdfReader(result.site_dir / "ky-tu" / "flyer.pdf")
    assert reader.metadata.title == HOSTILE_TITLE
    doc = soup(result.site_dir / "ky-tu" / "index.html")
    assert doc.select_one("article h1").get_text().strip() == HOSTILE_TITLE
    assert doc.title.get_text().startswith(HOSTILE_TITLE)
    assert doc.select("article c") == []  # "<c>" stayed text, not an element


def test_bold_links_and_code_keep_their_meaning(hostile):
    reader = PdfReader(hostile.site_dir / "ky-tu" / "flyer.pdf")
    runs = text_runs(reader)
    assert any("Đăng ký" in t and "Bold" in f for t, f in runs), runs
    assert any('#panic("boom")' in t and "Mono" in f for t, f in runs), runs
    assert URL in link_uris(reader)  # the link to the home page, made absolute


def test_decomposed_vietnamese_prints_and_extracts_as_nfc(tmp_path):
    nfd = unicodedata.normalize("NFD", "Hướng dẫn đăng ký tài khoản định danh điện tử")
    body = f"## Các bước\n\n1. {nfd} bước một.\n2. Bước hai.\n"
    result = build(tmp_path, both("nfd", page(nfd, body, extra=STEPS)))
    assert result.returncode == 0, result.log
    pages, text = flyer_text(result.site_dir, "nfd")
    nfc = unicodedata.normalize("NFC", nfd)
    assert pages == 1 and unicodedata.is_normalized("NFC", text)
    assert nfc in text and f"{nfc} bước một." in text


def long_steps(n: int, words: int = 30) -> str:
    sentence = " ".join(["thủ tục hành chính trực tuyến"] * (words // 5))
    return "## Các bước\n\n" + "".join(f"{i}. Bước số {i}: {sentence}.\n" for i in range(1, n + 1))


def test_long_page_shrinks_onto_one_page_without_dropping_a_step(tmp_path):
    source = page("Rất nhiều bước", long_steps(8), extra=STEPS + POSTER)
    result = build(tmp_path, both("dai", source))
    assert result.returncode == 0, result.log
    pages, text = flyer_text(result.site_dir, "dai")
    assert pages == 1
    for i in range(1, 9):
        assert f"Bước số {i}:" in text
    runs = _sized_runs(result.site_dir / "dai" / "flyer.pdf")
    steps = {round(abs(size), 2) for text, _, _, _, size in runs if "thủ tục" in text}
    # It had to shrink from the largest size (15 pt), but not below the floor (11 pt).
    assert 11 <= min(steps) < 15, steps


def _sized_runs(path: Path) -> list[tuple]:
    out = []
    PdfReader(path).pages[0].extract_text(
        visitor_text=lambda t, cm, tm, f, s: (
            out.append((t, cm, tm, f, s * tm[0])) if t.strip() else None
        )
    )
    return out


def test_page_too_long_for_one_flyer_fails_naming_page_and_how_much_to_cut(tmp_path):
    source = page("Quá dài", long_steps(70), extra=STEPS)
    result = build(tmp_path, both("qua-dai", source))
    assert_refused(result, "docs/qua-dai.md: the flyer does not fit on one A4 page")
    match = re.search(r"about (\d+)% too long", result.log)
    assert match and 10 < int(match[1]) < 100, result.log


def test_tables_and_html_special_characters(tmp_path):
    table = "| Mức | Nơi |\n|---|---|\n| 1 | Tại nhà |\n"
    body = f"Giới thiệu.\n\n{table}\n## Các bước\n\n1. A < B & C > D.\n"
    source = page('"Bảng & <thẻ> của tôi"', body, extra=STEPS)
    result = build(tmp_path, both("bang", source), "--strict")
    assert result.returncode == 0, result.log
    pages, text = flyer_text(result.site_dir, "bang")
    assert pages == 1
    assert "Bảng & <thẻ> của tôi" in text and "A < B & C > D." in text
    assert soup(result.site_dir / "bang" / "index.html").select_one(
        "article h1"
    ).get_text().strip() == ("Bảng & <thẻ> của tôi")


def test_flyer_can_be_switched_off_per_page(tmp_path):
    source = page("Không tờ rơi", extra="flyer:\n  enabled: false\n")
    result = build(tmp_path, both("khong", source), "--strict")
    assert result.returncode == 0, result.log
    folder = result.site_dir / "khong"
    assert not (folder / "flyer.pdf").exists()
    assert (folder / "qr.svg").is_file()
    assert soup(folder / "index.html").select_one(".site-share__flyer") is None


def test_wrong_flyer_option_type_stops_the_build(tmp_path):
    source = page("Sai", extra="flyer:\n  qr: https://vneid.gov.vn/\n")
    result = build(tmp_path, both("sai", source))
    assert_refused(result, "docs/sai.md:5: 'flyer.qr' has the wrong type or is empty")


def test_steps_heading_that_does_not_exist_stops_the_build(tmp_path):
    source = page("Sai", "## Cách làm\n\n1. A\n", extra=STEPS)
    result = build(tmp_path, both("sai", source))
    assert_refused(result, "docs/sai.md: flyer.steps names the section 'Các bước'", "'Cách làm'")


def test_cache_reuses_unchanged_flyers_and_rebuilds_changed_or_corrupt_ones(tmp_path):
    pages = {
        **both("a", page("Trang A", "## Các bước\n\n1. Một.\n", extra=STEPS)),
        **both("b", page("Trang B")),
    }
    first = build(tmp_path, pages)
    assert first.returncode == 0, first.log
    assert counts(first.log, "vi") == (3, 0) and counts(first.log, "en") == (3, 0)
    site = first.site_dir
    before = {p: p.read_bytes() for p in site.rglob("*.pdf")}

    second = build(tmp_path, {})
    assert counts(second.log, "vi") == (0, 3) and counts(second.log, "en") == (0, 3)
    assert packs_and_counts(second.log, "vi")[2] == 0  # packs and previews come from the cache
    assert {p: p.read_bytes() for p in site.rglob("*.pdf")} == before  # byte-identical

    edited = build(
        tmp_path,
        {"a.md": page("Trang A mới", "## Các bước\n\n1. Hai.\n", extra=STEPS)},
    )
    assert counts(edited.log, "vi") == (1, 2) and counts(edited.log, "en") == (0, 3)
    # Every pack of the language: flyers (A4, A5 two-up) and posters (A4, A3).
    assert packs_and_counts(edited.log, "vi")[2] == 4 and packs_and_counts(edited.log, "en")[2] == 0
    assert "Trang A mới" in flyer_text(site, "a")[1]

    cache = tmp_path / "project" / ".cache" / "flyers"
    entry = next(
        p for p in cache.rglob("*.pdf") if p.read_bytes() == (site / "b" / "flyer.pdf").read_bytes()
    )
    entry.write_bytes(entry.read_bytes()[:-100])  # a torn write
    repaired = build(tmp_path, {})
    assert counts(repaired.log, "vi") == (1, 2)
    assert (
        decode_qr(render_page((site / "b" / "flyer.pdf").read_bytes(), 100))[0].text == URL + "b/"
    )


def test_large_sites_get_print_packs_in_volumes(tmp_path):
    pages = {}
    for i in range(1, 6):
        pages.update(both(f"p{i}", page(f"Trang {i}", f"Nội dung {i}.")))
    config = "extra:\n  flyers:\n    pack_volume: 2\n"
    project = tmp_path / "project"
    make_fixture_project(project, {**HOME, **pages}, config)
    result = run_mkdocs(project / "mkdocs.yml", tmp_path / "site", URL, "--strict")
    assert result.returncode == 0, result.log
    packs = tmp_path / "site" / "assets" / "flyers"
    # Home and five pages: six flyers, three volumes of two per layout and language.
    for lang in ("vi", "en"):
        for layout, pages_per_volume in (("a4", 3), ("a5x2", 2)):
            names = sorted(p.name for p in packs.glob(f"print-pack-{lang}-{layout}-*.pdf"))
            assert names == [f"print-pack-{lang}-{layout}-{n}.pdf" for n in (1, 2, 3)]
            for n in (1, 2, 3):
                reader = PdfReader(packs / f"print-pack-{lang}-{layout}-{n}.pdf")
                assert len(reader.pages) == pages_per_volume
    index = PdfReader(packs / "print-pack-vi-a4-2.pdf").pages[0].extract_text()
    assert "Tập 2/3" in index
    # Number, title, the page's date, then the page of the pack it is on.
    date = r"\d{2}/\d{2}/\d{4}"
    assert re.search(rf"3\s+Trang 2\s+{date}\s+2", index), index
    assert re.search(rf"4\s+Trang 3\s+{date}\s+3", index), index


def test_dirty_builds_keep_the_print_packs_whole(tmp_path):
    pages = {}
    for name in ("a", "b", "c"):
        pages.update(both(name, page(f"Trang {name}", "## Các bước\n\n1. Một.\n", extra=STEPS)))
    first = build(tmp_path, pages)
    assert first.returncode == 0, first.log
    pack = tmp_path / "site" / "assets" / "flyers" / "print-pack-vi-a4.pdf"
    assert len(PdfReader(pack).pages) == 5  # contents, home and three pages

    edited = page("Trang b đã sửa", "## Các bước\n\n1. Hai.\n", extra=STEPS)
    dirty = build(tmp_path, {"b.md": edited}, "--dirty")
    assert dirty.returncode == 0, dirty.log
    assert counts(dirty.log, "vi")[0] == 1  # only the edited page was rendered and remade
    reader = PdfReader(pack)
    assert len(reader.pages) == 5, "a --dirty build must not leave a pack of one flyer"
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Trang b đã sửa" in text and "Trang a" in text and "Trang c" in text
    assert packs_and_counts(dirty.log, "vi")[2] == 4  # every layout remade with the new flyer
    assert len(PdfReader(pack.with_name("print-pack-en-a4.pdf")).pages) == 5


def test_a_dirty_build_without_a_previous_full_build_leaves_the_packs_alone(tmp_path):
    pages = both("a", page("Trang a")) | both("b", page("Trang b"))
    first = build(tmp_path, pages)
    assert first.returncode == 0, first.log
    pack = tmp_path / "site" / "assets" / "flyers" / "print-pack-vi-a4.pdf"
    before = pack.read_bytes()
    for manifest in (tmp_path / "project" / ".cache" / "flyers" / "manifests").glob("*.json"):
        manifest.unlink()  # as after an upgrade, or a cache restored from elsewhere
    dirty = build(tmp_path, {"b.md": page("Trang b mới")}, "--dirty")
    assert dirty.returncode == 0, dirty.log
    assert "print packs (vi) left as they were" in dirty.log
    assert "A full build (without --dirty) remakes them" in dirty.log
    assert pack.read_bytes() == before


TWO_BUILDS = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

def run():
    # MkDocs loads the hooks once per process: both builds share the hooks' worker.
    config = load_config(sys.argv[1], site_dir=sys.argv[2])
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config)
        return "built", config
    except Abort as err:  # MkDocs logs the PluginError, then aborts
        return f"failed: {err}", config

if __name__ == "__main__":
    print(run()[0], flush=True)
    open(sys.argv[3], "w", encoding="utf-8").write(open(sys.argv[4], encoding="utf-8").read())
    result, config = run()
    print(result, flush=True)
    config.plugins.on_shutdown()
"""


def test_a_failed_build_leaves_nothing_behind_for_the_next_one(tmp_path):
    # As `mkdocs serve` does: a second build in the same process, after the first failed
    # while the worker still had flyers queued.
    pages = {}
    for i in range(6):
        pages.update(both(f"p{i}", page(f"Trang {i}", long_steps(4), extra=STEPS + POSTER)))
    short = page("Quá dài", long_steps(3), extra=STEPS + POSTER)
    pages.update(both("z", page("Quá dài", long_steps(70), extra=STEPS), short))
    project = tmp_path / "project"
    make_fixture_project(project, {**HOME, **pages})
    fixed = tmp_path / "fixed.md"
    fixed.write_text(page("Đã ngắn lại", long_steps(3), extra=STEPS + POSTER), encoding="utf-8")
    script = tmp_path / "two_builds.py"
    script.write_text(TWO_BUILDS, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": URL}
    proc = subprocess.run(
        [
            sys.executable,
            str(script),
            str(project / "mkdocs.yml"),
            str(tmp_path / "site"),
            str(project / "docs" / "z.md"),
            str(fixed),
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    out = proc.stdout.splitlines()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert out[0].startswith("failed:"), out
    assert "docs/z.md: the flyer does not fit" in proc.stderr
    assert out[1] == "built", proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert "Đã ngắn lại" in flyer_text(tmp_path / "site", "z")[1]
    assert "Quá dài" in flyer_text(tmp_path / "site", "en/z")[1]
    cache = project / ".cache" / "flyers"
    assert list(cache.rglob("*.tmp")) == []
    assert (
        len(PdfReader(tmp_path / "site" / "assets" / "flyers" / "print-pack-vi-a4.pdf").pages) == 9
    )
