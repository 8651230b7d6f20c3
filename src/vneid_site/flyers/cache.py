"""Content-addressed cache of generated files, verified on every read."""

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
    a hand edit) is treated as missing, so it is rebuilt and never served.
    """

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, key: str, suffix: str) -> Path:
        """Where an entry is stored (it may not exist)."""
        return self.root / key[:2] / f"{key}{suffix}"

    def sweep(self, older_than: float = STALE_TEMP_SECONDS) -> int:
        """Delete temporary files left by a build that was killed mid-write; return how many.

        Only files older than `older_than` seconds go: another build writing into the same
        cache at this moment keeps its own.
        """
        if not self.root.is_dir():
            return 0
        limit = time.time() - older_than
        swept = 0
        for path in self.root.glob("*/.*.tmp"):
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
                    swept += 1
            except OSError:
                continue
        return swept

    def get(self, key: str, suffix: str) -> bytes | None:
        path = self.path(key, suffix)
        check = path.with_name(path.name + ".sha256")
        try:
            data = path.read_bytes()
            expected = check.read_text(encoding="ascii").strip()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != expected:
            return None
        return data

    def place(self, key: str, suffix: str, dest: Path, data: bytes) -> None:
        """Put a verified entry's bytes at `dest`, atomically: a hard link when the cache and
        the site share a file system (no copy), else a written copy."""
        source = self.path(key, suffix)
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, dest)  # a new name appears whole: atomic when dest is absent
            return
        except FileExistsError:
            # Already this entry (placed earlier in the build): renaming a link over another
            # link to the same file would do nothing and leave the temporary link behind.
            if os.path.samefile(source, dest):
                return
        except OSError:
            write_bytes_atomic(dest, data)
            return
        tmp = dest.with_name(f".{dest.name}.{os.getpid()}.link")
        try:
            tmp.unlink(missing_ok=True)
            os.link(source, tmp)
            os.replace(tmp, dest)
        except OSError:
            tmp.unlink(missing_ok=True)
            write_bytes_atomic(dest, data)

    def put(self, key: str, suffix: str, data: bytes) -> None:
        path = self.path(key, suffix)
        write_bytes_atomic(path, data)
        # The check file is written last: an entry without it is incomplete, hence a miss.
        write_bytes_atomic(
            path.with_name(path.name + ".sha256"), hashlib.sha256(data).hexdigest().encode()
        )
