"""One build's web assets (web/build.py): its settings, its one cache, the fonts made for the
site's text, and the compressed copies written when the site is done. The fonts themselves
are tested in test_fonts.py; here a stand-in records what they are made from."""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from vneid_site.cache import FileCache
from vneid_site.config_schema import load_web
from vneid_site.errors import SiteError
from vneid_site.font_files import FontError
from vneid_site.web import build as web_build
from vneid_site.web.build import WebBuild

PAGE = "<html><body>" + "<p>Đăng ký tài khoản định danh điện tử.</p>" * 40 + "</body></html>"


def config(tmp_path: Path) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_name: Hướng dẫn ≤ 5 phút\n", encoding="utf-8")
    return path


def web_build_of(options: dict | None, tmp_path: Path) -> WebBuild:
    """The build's web assets as the site hook makes them from `extra.web`."""
    return WebBuild(load_web(options, tmp_path), config(tmp_path))


@pytest.fixture
def fonts(monkeypatch) -> list[tuple[FileCache, list[str]]]:
    """Every call of build_web_fonts: (cache, texts); it makes a stylesheet and one font."""
    calls: list[tuple[FileCache, list[str]]] = []

    def build_web_fonts(cache: FileCache, texts):
        calls.append((cache, list(texts)))
        files = {"assets/stylesheets/fonts.css": Path("/c/fonts.css")}
        files["assets/fonts/body.1234.woff2"] = Path("/c/body.woff2")
        return SimpleNamespace(site_files=lambda: files, preload="assets/fonts/body.1234.woff2")

    monkeypatch.setattr(web_build, "build_web_fonts", build_web_fonts)
    return calls


def test_the_defaults_cache_beside_mkdocs_yml_and_write_no_compressed_copies(tmp_path):
    build = web_build_of(None, tmp_path)
    assert build.settings.cache_dir == (tmp_path / ".cache" / "web").resolve()
    assert build.settings.precompress is False
    # One cache for the whole build, so that what it verifies is kept once.
    assert build.cache is build.cache and build.cache.root == build.settings.cache_dir


def test_fonts_are_made_for_the_pages_and_the_text_of_mkdocs_yml(tmp_path, fonts):
    build = web_build_of({"cache_dir": "web"}, tmp_path)
    assert build.preload is None  # nothing to preload before the fonts are made
    made = build.make_fonts(iter(["# Đăng ký", "# Tra cứu"]))
    assert made == {
        "assets/stylesheets/fonts.css": Path("/c/fonts.css"),
        "assets/fonts/body.1234.woff2": Path("/c/body.woff2"),
    }
    [(cache, texts)] = fonts
    assert cache is build.cache
    assert texts == ["# Đăng ký", "# Tra cứu", "site_name: Hướng dẫn ≤ 5 phút\n"]
    assert build.preload == "assets/fonts/body.1234.woff2"


def test_a_killed_build_s_temporary_files_are_swept_before_the_fonts_are_made(tmp_path, fonts):
    build = web_build_of({"cache_dir": "web"}, tmp_path)
    folder = build.settings.cache_dir / "ab"
    folder.mkdir(parents=True)
    old, new = folder / ".x.woff2.1.tmp", folder / ".y.woff2.2.tmp"
    old.write_bytes(b"half")
    new.write_bytes(b"being written")
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    build.make_fonts([])
    assert not old.exists() and new.exists()  # another build may be writing that one


def test_missing_fonts_are_one_clear_error(tmp_path, monkeypatch):
    def no_fonts(cache, texts):
        raise FontError("Be Vietnam Pro is not installed\nfix: pip install -r requirements.txt")

    monkeypatch.setattr(web_build, "build_web_fonts", no_fonts)
    build = web_build_of(None, tmp_path)
    with pytest.raises(FontError) as caught:
        build.make_fonts(["x"])
    assert str(caught.value).startswith("Be Vietnam Pro is not installed")
    assert isinstance(caught.value, SiteError)  # the hook's one clause makes it a build error


def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    (folder / "a").mkdir(parents=True)
    (folder / "a" / "index.html").write_text(PAGE, encoding="utf-8")
    (folder / "a" / "flyer.pdf").write_bytes(b"%PDF-1.7 " * 200)  # not text: no copies
    return folder


def test_without_precompress_finish_writes_no_copies(tmp_path):
    folder = site(tmp_path)
    build = web_build_of({"cache_dir": "web"}, tmp_path)
    assert build.finish(folder) is None
    assert sorted(p.name for p in (folder / "a").iterdir()) == ["flyer.pdf", "index.html"]


def test_precompress_writes_copies_of_text_files_and_a_warm_build_reuses_them(tmp_path):
    folder = site(tmp_path)
    options = {"cache_dir": "web", "precompress": True}
    first = web_build_of(options, tmp_path).finish(str(folder))
    assert first is not None and first.startswith("Compressed copies of 1 text files:")
    assert first.endswith("(1 compressed by this build)")
    names = sorted(p.name for p in (folder / "a").iterdir())
    assert names == ["flyer.pdf", "index.html", "index.html.br", "index.html.gz"]
    assert (tmp_path / "web" / FileCache.INDEX).is_file()  # kept for the next build
    again = web_build_of(options, tmp_path).finish(folder)
    assert again is not None and again.endswith("(0 compressed by this build)")
