"""Content-addressed cache of generated files, each checked against the hash of its bytes."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

from vneid_site.atomic_write import write_bytes_atomic

# A temporary file older than this belongs to a build that died: no write takes this long.
STALE_TEMP_SECONDS = 600.0


def digest(*parts: bytes | str) -> str:
    """SHA-256 over length-prefixed parts, so ('ab', 'c') and ('a', 'bc') differ."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def json_digest(value: object) -> str:
    return digest(json.dumps(value, sort_keys=True, ensure_ascii=False))


class FileCache:
    """Files stored under a hash of their inputs, each with the hash of its own bytes.

    An entry whose bytes do not match their recorded hash (a crash mid-write, a disk error,
    a hand edit) is treated as missing, so it is rebuilt and never served. An entry is hashed
    once; after that its size and modification time, unchanged, stand for its bytes
    (`valid`), so a warm build does not read every file again.
    """

    INDEX = "verified.json"

    def __init__(self, root: Path) -> None:
        self.root = root
        self._verified: dict[str, list[int]] | None = None  # entry -> [size, mtime_ns]
        self._changed = False

    def path(self, key: str, suffix: str) -> Path:
        """Where an entry is stored (it may not exist)."""
        return Path(f"{self.root}/{key[:2]}/{key}{suffix}")

    def sweep(self, older_than: float = STALE_TEMP_SECONDS) -> int:
        """Delete temporary files left by a build that was killed mid-write; return how many.

        Only files older than `older_than` seconds go: another build writing into the same
        cache at this moment keeps its own.
        """
        if not self.root.is_dir():
            return 0
        limit = time.time() - older_than
        swept = 0
        for path in [*self.root.glob("*/.*.tmp"), *self.root.glob(".*.tmp")]:
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
                    swept += 1
            except OSError:
                continue
        return swept

    def _index(self) -> dict[str, list[int]]:
        if self._verified is None:
            try:
                loaded = json.loads((self.root / self.INDEX).read_text(encoding="utf-8"))
                self._verified = loaded if isinstance(loaded, dict) else {}
            except (OSError, ValueError):
                self._verified = {}
        return self._verified

    def get(self, key: str, suffix: str) -> bytes | None:
        """The entry's bytes, checked against their hash; None when missing or damaged."""
        path = self.path(key, suffix)
        check = path.with_name(path.name + ".sha256")
        try:
            with path.open("rb") as handle:
                stat = os.fstat(handle.fileno())
                data = handle.read()
            expected = check.read_text(encoding="ascii").strip()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != expected:
            return None
        self._trust(path, [len(data), stat.st_mtime_ns])
        return data

    def valid(self, key: str, suffix: str) -> bool:
        """Whether the entry is whole, without reading it if it is unchanged since verified."""
        path = self.path(key, suffix)
        try:
            stat = path.stat()
        except OSError:
            return False
        if self._index().get(path.name) == [stat.st_size, stat.st_mtime_ns]:
            return True
        return self.get(key, suffix) is not None

    def _trust(self, path: Path, stamp: list[int]) -> None:
        index = self._index()
        if index.get(path.name) != stamp:
            index[path.name] = stamp
            self._changed = True

    def save_index(self) -> None:
        """Remember which entries were verified, for the next build."""
        if self._changed and self._verified is not None:
            write_bytes_atomic(
                self.root / self.INDEX, json.dumps(self._verified, separators=(",", ":")).encode()
            )
            self._changed = False

    def place(self, key: str, suffix: str, dest: Path, *, folder_exists: bool = False) -> None:
        """Put a valid entry at `dest`, atomically: a hard link when the cache and the site
        share a file system (no copy), else a written copy."""
        source = self.path(key, suffix)
        if not folder_exists:
            dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, dest)  # a new name appears whole: atomic when dest is absent
            return
        except FileExistsError:
            pass
        except OSError:
            write_bytes_atomic(dest, source.read_bytes())
            return
        tmp = dest.with_name(f".{dest.name}.{os.getpid()}.link")
        try:
            tmp.unlink(missing_ok=True)
            os.link(source, tmp)
            os.replace(tmp, dest)
        except OSError:
            tmp.unlink(missing_ok=True)
            write_bytes_atomic(dest, source.read_bytes())

    def put(self, key: str, suffix: str, data: bytes) -> None:
        path = self.path(key, suffix)
        write_bytes_atomic(path, data)
        # The check file is written last: an entry without it is incomplete, hence a miss.
        write_bytes_atomic(
            path.with_name(path.name + ".sha256"), hashlib.sha256(data).hexdigest().encode()
        )
        stat = path.stat()
        self._trust(path, [stat.st_size, stat.st_mtime_ns])
