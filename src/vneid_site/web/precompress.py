"""Compressed copies of the built site's text files (page.html.gz, page.html.br), for web
servers that send a file's ready-made copy instead of compressing it on every request
(nginx gzip_static and brotli_static; Apache with rewrite rules). See the README."""

from __future__ import annotations

import gzip
import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from vneid_site.cache import FileCache, digest
from vneid_site.package_versions import installed

# Bump when the compression changes in a way the library versions do not show.
FORMAT = "1"
# What browsers fetch as text. Source maps (.map) are left out: only a browser's developer
# tools fetch them, and at the highest brotli quality they would take most of the time.
TEXT_SUFFIXES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest")
GZIP_LEVEL = 9
BROTLI_QUALITY = 11
ENCODINGS = (".gz", ".br")


@dataclass(frozen=True)
class Compressed:
    """What one pass over the site wrote."""

    files: int  # text files given at least one copy
    original_bytes: int
    gzip_bytes: int  # of the files' .gz copies, or the file itself where no copy is smaller
    brotli_bytes: int
    fresh: int  # files compressed now, not taken from the cache

    def report(self) -> str:
        """The line the build log shows."""
        return (
            f"Compressed copies of {self.files} text files: {self.original_bytes:,} bytes -> "
            f"{self.gzip_bytes:,} gzip, {self.brotli_bytes:,} brotli "
            f"({self.fresh} compressed by this build)"
        )


def text_files(site_dir: Path) -> list[Path]:
    return sorted(
        path for path in site_dir.rglob("*") if path.suffix in TEXT_SUFFIXES and path.is_file()
    )


def compress(data: bytes) -> dict[str, bytes]:
    """The .gz and .br copies of `data` (byte-stable: no time or name in the gzip header)."""
    import brotli

    return {
        ".gz": gzip.compress(data, GZIP_LEVEL, mtime=0),
        ".br": brotli.compress(data, quality=BROTLI_QUALITY),
    }


def precompress_site(site_dir: Path, cache: FileCache) -> Compressed:
    """Write `name.gz` and `name.br` beside every text file of `site_dir` for which they are
    smaller; copies already in `cache` (same bytes, same settings) are linked, not redone."""
    engine = digest(FORMAT, str(GZIP_LEVEL), str(BROTLI_QUALITY), installed("brotli"))

    def one(path: Path) -> tuple[int, int, int, int, bool]:
        data = path.read_bytes()
        key = digest(engine, hashlib.sha256(data).hexdigest())
        # Copies verified by an earlier build are known by their size and time, not reread.
        copy_sizes = {suffix: cache.size(key, suffix) for suffix in ENCODINGS}
        fresh = None in copy_sizes.values()
        if fresh:
            for suffix, copy in compress(data).items():
                cache.put(key, suffix, copy)
                copy_sizes[suffix] = len(copy)
        sizes = []
        for suffix, size in copy_sizes.items():
            dest = path.with_name(path.name + suffix)
            if size is not None and size < len(data):
                cache.place(key, suffix, dest)
                sizes.append(size)
            else:  # a server would send the file itself: a copy must not be left over
                dest.unlink(missing_ok=True)
                sizes.append(len(data))
        return len(data), sizes[0], sizes[1], int(sizes != [len(data)] * 2), fresh

    paths = text_files(site_dir)
    # Read once here rather than by every thread at once.
    cache.load_index()
    # zlib and brotli let go of the GIL while they compress: one thread a core.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        results = list(pool.map(one, paths))
    return Compressed(
        files=sum(r[3] for r in results),
        original_bytes=sum(r[0] for r in results),
        gzip_bytes=sum(r[1] for r in results),
        brotli_bytes=sum(r[2] for r in results),
        fresh=sum(r[4] for r in results),
    )
