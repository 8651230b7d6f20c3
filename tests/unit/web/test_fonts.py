from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path
from types import SimpleNamespace

import pytest
from fontTools.ttLib import TTFont

from tests.support.vietnamese import MARKS, beyond_ascii, sample_text
from vneid_site.cache import FileCache
from vneid_site.config_schema import ConfigError, load_web
from vneid_site.font_files import FONT_DIR, FontError
from vneid_site.web import fonts as web_fonts
from vneid_site.web.build import WebBuild
from vneid_site.web.fonts import FACES, build_web_fonts, unicode_range


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The web fonts for a site whose text is the Vietnamese sample and a '≥' sign."""
    cache = FileCache(tmp_path_factory.mktemp("cache"))
    return cache, build_web_fonts(cache, [sample_text(), "Tuổi ≥ 14; 中文"])


def cmap(data: bytes) -> set[int]:
    return set(TTFont(io.BytesIO(data)).getBestCmap())


def test_every_face_is_a_small_woff2_with_every_vietnamese_letter_and_mark(made):
    _, result = made
    assert [(f.face.weight, f.face.style) for f in result.fonts] == [
        (300, "normal"), (400, "normal"), (400, "italic"), (600, "normal"), (700, "normal"),
    ]  # fmt: skip
    for font in result.fonts:
        assert font.data[:4] == b"wOF2"
        assert 8_000 < len(font.data) < 20_000, (font.name, len(font.data))
        has = cmap(font.data)
        needed = {ord(c) for c in "".join(beyond_ascii()) + "".join(MARKS)}
        needed |= set(range(0x20, 0x7F)) | {ord(c) for c in "₫€–—‘’“”…"}
        assert needed <= has, sorted(map(hex, needed - has))
        assert has == set(font.code_points)  # what the stylesheet's unicode-range declares
    assert sum(len(f.data) for f in result.fonts) < 120 * 1024


def test_faces_are_the_weights_and_styles_they_are_declared_as(made):
    _, result = made
    for font in result.fonts:
        tables = TTFont(io.BytesIO(font.data))
        assert tables["OS/2"].usWeightClass == font.face.weight, font.name
        assert bool(tables["OS/2"].fsSelection & 1) == (font.face.style == "italic"), font.name
        # The licence stays with the font.
        assert "SIL Open Font License" in tables["name"].getDebugName(13)


def test_the_site_text_adds_what_the_font_has_and_nothing_else(made):
    _, result = made
    has = set(TTFont(FONT_DIR / FACES[1].file, lazy=True).getBestCmap())
    assert ord("≥") in has and ord("≥") not in web_fonts.code_points(web_fonts.BASE_RANGES)
    for font in result.fonts:
        assert ord("≥") in font.code_points
        assert ord("中") not in font.code_points  # not in Be Vietnam Pro: left to the fallback


def test_a_warm_build_reads_the_cache_and_a_damaged_entry_is_made_again(made, monkeypatch):
    cache, first = made
    calls = []
    real = web_fonts.subset_woff2
    monkeypatch.setattr(web_fonts, "subset_woff2", lambda *a: calls.append(a) or real(*a))
    again = build_web_fonts(cache, [sample_text(), "Tuổi ≥ 14; 中文"])
    assert calls == [] and again.fresh == 0
    assert [f.name for f in again.fonts] == [f.name for f in first.fonts]
    assert again.stylesheet_source.read_text() == first.stylesheet_source.read_text()
    first.fonts[0].source.write_bytes(b"not a font")  # a damaged entry is a miss
    mended = build_web_fonts(cache, [sample_text(), "Tuổi ≥ 14; 中文"])
    assert len(calls) == 1 and mended.fresh == 1
    assert mended.fonts[0].data == first.fonts[0].data
    # Other text means other fonts (and file names).
    other = build_web_fonts(cache, [sample_text()])
    assert other.fonts[0].name != first.fonts[0].name


def test_a_warm_build_reads_no_font_tables_and_a_damaged_cmap_entry_is_read_again(
    tmp_path, monkeypatch
):
    cache = FileCache(tmp_path)
    first = build_web_fonts(cache, [sample_text()])
    import fontTools.ttLib

    opened = []
    real = fontTools.ttLib.TTFont
    monkeypatch.setattr(
        fontTools.ttLib, "TTFont", lambda *a, **k: opened.append(a) or real(*a, **k)
    )
    again = build_web_fonts(FileCache(tmp_path), [sample_text()])
    assert opened == []  # every cmap came from the cache
    assert [f.code_points for f in again.fonts] == [f.code_points for f in first.fonts]
    ttf = (FONT_DIR / FACES[1].file).read_bytes()
    assert web_fonts.mapped_code_points(cache, ttf) == set(
        real(FONT_DIR / FACES[1].file).getBestCmap()
    )
    # A cmap entry that is whole but not JSON is read from the font again, and rewritten.
    key = web_fonts.digest("cmap", web_fonts.FORMAT, web_fonts.installed("fonttools"), ttf)
    cache.put(key, ".json", b"not json")
    opened.clear()
    points = web_fonts.mapped_code_points(cache, ttf)
    assert len(opened) == 1 and ord("ệ") in points
    assert web_fonts.mapped_code_points(cache, ttf) == points and len(opened) == 1


def test_file_names_carry_a_hash_of_their_bytes(made):
    _, result = made
    for font in result.fonts:
        assert re.fullmatch(r"BeVietnamPro-\w+\.[0-9a-f]{10}\.woff2", font.name)
    assert len({f.name for f in result.fonts}) == len(result.fonts)
    assert result.preload == f"assets/fonts/{result.body.name}"
    assert result.body.face == (FACES[1])


def test_stylesheet_declares_each_file_with_swap_and_its_range(made):
    _, result = made
    css = result.stylesheet_source.read_text(encoding="utf-8")
    blocks = re.findall(r"@font-face \{(.*?)\}", css, re.S)
    assert len(blocks) == len(result.fonts)
    for block, font in zip(blocks, result.fonts, strict=True):
        assert f'url("../fonts/{font.name}") format("woff2")' in block
        assert f"font-weight: {font.face.weight};" in block
        assert f"font-style: {font.face.style};" in block
        assert "font-display: swap;" in block
        assert f"unicode-range: {unicode_range(font.code_points)};" in block
    assert '--md-text-font: "Be Vietnam Pro"' in css
    files = result.site_files()
    assert files["assets/stylesheets/fonts.css"] == result.stylesheet_source
    assert {f"assets/fonts/{f.name}" for f in result.fonts} <= set(files)


def test_unicode_range_merges_runs():
    assert (
        unicode_range({0x41, 0x42, 0x43, 0xE0, 0x1EA0, 0x1EA1})
        == "U+0041-0043, U+00E0, U+1EA0-1EA1"
    )
    assert unicode_range([]) == ""


def test_a_missing_font_file_names_it_and_the_fix(tmp_path):
    with pytest.raises(FontError, match=r"BeVietnamPro-Light\.ttf[\s\S]*fix: reinstall"):
        build_web_fonts(FileCache(tmp_path / "cache"), ["x"], font_dir=tmp_path)


class _Files:
    """What WebBuild.add_fonts uses of MkDocs' Files."""

    def __init__(self, existing: list[str]) -> None:
        self.items = [SimpleNamespace(src_uri=path, generated=False) for path in existing]

    def get_file_from_path(self, path):
        return next((f for f in self.items if f.src_uri == path), None)

    def remove(self, file):
        self.items.remove(file)

    def append(self, file):
        self.items.append(file)


def test_web_build_adds_the_fonts_in_place_of_a_stale_stylesheet(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Hướng dẫn ≤ 5 phút\n", encoding="utf-8")
    build = WebBuild(load_web({"cache_dir": "cache"}, tmp_path), config)
    files = _Files(["assets/stylesheets/fonts.css", "index.md"])
    build.add_fonts(
        files,
        ["# Đăng ký"],
        lambda path, src: SimpleNamespace(src_uri=path, src=src, generated=True),
    )
    paths = [f.src_uri for f in files.items]
    assert paths.count("assets/stylesheets/fonts.css") == 1
    stylesheet = files.get_file_from_path("assets/stylesheets/fonts.css")
    assert stylesheet.generated and stylesheet.src.is_relative_to(tmp_path / "cache")
    assert sum(p.endswith(".woff2") for p in paths) == len(FACES)
    assert build.preload and build.preload.startswith("assets/fonts/BeVietnamPro-Regular.")
    # mkdocs.yml's text counts as the site's: its '≤' is in the fonts.
    assert ord("≤") in build.fonts.body.code_points


def test_web_build_turns_bad_settings_into_one_clear_error(tmp_path):
    with pytest.raises(ConfigError) as err:
        load_web({"cache_dir": 3, "precompress": "yes", "zip": 1}, Path("."))
    text = str(err.value)
    assert text.startswith("mkdocs.yml:")
    assert "extra.web.zip: unknown setting" in text
    assert "extra.web.cache_dir: expected a folder name" in text
    assert "extra.web.precompress: expected true or false, not 'yes'" in text


def test_nfd_text_needs_no_more_than_the_base_ranges():
    # Vietnamese typed decomposed is letters and the eight marks: all in the base ranges.
    decomposed = unicodedata.normalize("NFD", sample_text())
    assert {ord(c) for c in decomposed} <= web_fonts.code_points(web_fonts.BASE_RANGES)
