from __future__ import annotations

import gzip

import brotli

from vneid_site.cache import FileCache
from vneid_site.web.precompress import precompress_site

PAGE = ("<!doctype html><html lang=vi><body>" + "<p>Đăng ký tài khoản định danh</p>" * 200).encode()


def site(tmp_path):
    root = tmp_path / "site"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_bytes(PAGE)
    (root / "assets" / "app.js").write_bytes(b"console.log('x');\n" * 300)
    (root / "assets" / "tiny.css").write_bytes(b"a{}")  # no copy can be smaller
    (root / "assets" / "app.js.map").write_bytes(b'{"mappings": ""}' * 300)
    (root / "flyer.png").write_bytes(b"\x89PNG" + b"\0" * 4000)
    return root


def test_copies_decompress_to_the_files_and_only_text_gets_them(tmp_path):
    root = site(tmp_path)
    done = precompress_site(root, FileCache(tmp_path / "cache"))
    for name in ("index.html", "assets/app.js"):
        data = (root / name).read_bytes()
        gz = (root / f"{name}.gz").read_bytes()
        br = (root / f"{name}.br").read_bytes()
        assert gzip.decompress(gz) == data and brotli.decompress(br) == data
        assert len(br) < len(gz) < len(data) / 5
        assert gz[4:8] == b"\0\0\0\0"  # no time stamp: the same file gives the same copy
    # Source maps (fetched by developer tools only), images and files too small to gain.
    for name in ("assets/app.js.map", "flyer.png", "assets/tiny.css"):
        assert not (root / f"{name}.gz").exists() and not (root / f"{name}.br").exists()
    assert done.files == 2 and done.fresh == 3
    assert done.original_bytes == sum(
        (root / n).stat().st_size for n in ("index.html", "assets/app.js", "assets/tiny.css")
    )
    assert "Compressed copies of 2 text files" in done.report()


def test_a_second_pass_takes_the_copies_from_the_cache_and_drops_stale_ones(tmp_path):
    root = site(tmp_path)
    cache = FileCache(tmp_path / "cache")
    precompress_site(root, cache)
    before = (root / "index.html.br").read_bytes()
    (root / "assets" / "tiny.css.gz").write_bytes(b"left from an older build")
    again = precompress_site(root, cache)
    assert again.fresh == 0
    assert (root / "index.html.br").read_bytes() == before
    assert not (root / "assets" / "tiny.css.gz").exists()
    # A changed file gets new copies.
    (root / "index.html").write_bytes(PAGE.replace(b"vi", b"en"))
    third = precompress_site(root, cache)
    assert third.fresh == 1
    assert (
        brotli.decompress((root / "index.html.br").read_bytes())
        == (root / "index.html").read_bytes()
    )


def test_a_damaged_copy_in_the_cache_is_made_again_not_served(tmp_path):
    root = site(tmp_path)
    cache = FileCache(tmp_path / "cache")
    precompress_site(root, cache)
    cache.save_index()
    # Every entry is known by size and time now; one is damaged in place (same size).
    entry = (root / "index.html.br").resolve()
    damaged = next(p for p in cache.root.rglob("*.br") if p.samefile(entry))
    damaged.write_bytes(b"\0" * damaged.stat().st_size)
    again = precompress_site(root, FileCache(tmp_path / "cache"))
    assert again.fresh == 1
    assert brotli.decompress((root / "index.html.br").read_bytes()) == PAGE
