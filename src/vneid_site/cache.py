"""Content-addressed cache of generated files, each checked against the hash of its bytes."""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import io
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

from vneid_site.atomic_write import write_atomic, write_bytes_atomic
from vneid_site.package_versions import installed

P = TypeVar("P")  # a problem, as a check reports it

# A temporary file older than this belongs to a build that died: no write takes this long.
STALE_TEMP_SECONDS = 600.0
# A cache swept this recently by this process is not listed again (a build sweeps from each
# language's start, and listing the flyer cache's thousands of files takes ~10 ms).
SWEEP_AGAIN_SECONDS = 60.0
_swept: dict[str, float] = {}  # cache root -> when this process last swept it


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


@functools.cache
def code_digest(modules: tuple[str, ...], packages: tuple[str, ...] = ()) -> str:
    """A digest of the source of `modules` (dotted names; none is imported here) and of the
    installed versions of `packages`: what made a result kept between builds, so that a change
    to either makes it stale. Worked out once per process, for the code this process runs."""
    sources = []
    for name in modules:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            raise ModuleNotFoundError(f"no source for the module {name}")
        sources.append(Path(spec.origin).read_bytes())
    return digest(*sources, *(f"{name} {installed(name)}" for name in packages))


class FileCache:
    """Files stored under a hash of their inputs, each with the hash of its own bytes.

    An entry whose bytes do not match their recorded hash (a crash mid-write, a disk error,
    a hand edit) is treated as missing, so it is rebuilt and never served. An entry is hashed
    once; after that its size and modification time, unchanged, stand for its bytes
    (`valid`), so a warm build does not read every file again.
    """

    INDEX = "verified.json"

    def __init__(self, root: Path, *, fragment: str = "") -> None:
        self.root = root
        self._root = str(root)  # entries are looked up many times a build: by string
        # A worker process records what it verifies in a file of its own, which the MkDocs
        # process folds into the index at the end of the build.
        self.fragment = fragment
        self._verified: dict[str, list[int]] | None = None  # entry -> [size, mtime_ns]
        self._added: dict[str, list[int]] = {}

    def path(self, key: str, suffix: str) -> Path:
        """Where an entry is stored (it may not exist)."""
        return Path(self._name(key, suffix))

    def _name(self, key: str, suffix: str) -> str:
        return f"{self._root}/{key[:2]}/{key}{suffix}"

    def sweep(self, older_than: float = STALE_TEMP_SECONDS) -> int:
        """Delete temporary files left by a build that was killed mid-write; return how many.

        Only files older than `older_than` seconds go: another build writing into the same
        cache at this moment keeps its own. A cache this process swept less than
        SWEEP_AGAIN_SECONDS ago is left as it is.
        """
        now = time.monotonic()
        if now - _swept.get(self._root, -SWEEP_AGAIN_SECONDS) < SWEEP_AGAIN_SECONDS:
            return 0
        if not self.root.is_dir():
            return 0
        _swept[self._root] = now
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

    def load_index(self) -> dict[str, list[int]]:
        """The entries verified by earlier builds (name -> [size, mtime_ns]), read once."""
        if self._verified is None:
            self._verified = {}
            self._verified.update(_read_index(self.root / self.INDEX))
            for path in self._fragment_files():
                self._verified.update(_read_fragment(path))
        return self._verified

    def _fragment_files(self) -> list[Path]:
        return sorted(self.root.glob("verified-*.json"))

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

    def size(self, key: str, suffix: str) -> int | None:
        """The size of a whole entry, None when it is missing or damaged; it is read and hashed
        only when it changed since it was last verified."""
        try:
            stat = os.stat(self._name(key, suffix))
        except OSError:
            return None
        if self.load_index().get(key + suffix) == [stat.st_size, stat.st_mtime_ns]:
            return stat.st_size
        data = self.get(key, suffix)
        return None if data is None else len(data)

    def valid(self, key: str, suffix: str) -> bool:
        """Whether the entry is whole (see `size`)."""
        return self.size(key, suffix) is not None

    def _trust(self, path: Path, stamp: list[int]) -> None:
        index = self.load_index()
        if index.get(path.name) != stamp:
            index[path.name] = stamp
            self._added[path.name] = stamp

    def save_index(self) -> None:
        """Remember which entries were verified, for the next build."""
        if self.fragment:
            # A worker adds what it verified since its last save as one line: rewriting the
            # whole file after every job would cost more with every job of a build.
            if self._added:
                line = json.dumps(self._added, separators=(",", ":")).encode() + b"\n"
                with open(self.root / f"verified-{self.fragment}.json", "ab") as out:
                    out.write(line)
                self._added = {}
            return
        # The workers' files are read again: a worker adds to its own after every job, so it
        # may hold more than when the index was read (a worker outlives a language's build).
        fragments = self._fragment_files()
        if self._verified is None or not (self._added or fragments):
            return
        # So is the index: another cache of this folder (another language's, finished while
        # this one was open) may have saved since, and folded away what the workers added.
        self._verified.update(_read_index(self.root / self.INDEX))
        for fragment in fragments:
            self._verified.update(_read_fragment(fragment))
        self._verified.update(self._added)  # this process's own stamps are the newest
        data = json.dumps(self._verified, separators=(",", ":")).encode()
        write_bytes_atomic(self.root / self.INDEX, data)
        for fragment in fragments:
            fragment.unlink(missing_ok=True)
        self._added = {}

    def place(self, key: str, suffix: str, dest: Path, *, folder_exists: bool = False) -> None:
        """Put a valid entry at `dest`, atomically: a hard link when the cache and the site
        share a file system (no copy), else a written copy."""
        source = self._name(key, suffix)
        if not folder_exists:
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
            write_bytes_atomic(dest, Path(source).read_bytes())
            return
        tmp = dest.with_name(f".{dest.name}.{os.getpid()}.link")
        try:
            tmp.unlink(missing_ok=True)
            os.link(source, tmp)
            os.replace(tmp, dest)
        except OSError:
            tmp.unlink(missing_ok=True)
            write_bytes_atomic(dest, Path(source).read_bytes())

    def put(self, key: str, suffix: str, data: bytes) -> None:
        path = self.path(key, suffix)
        write_bytes_atomic(path, data)
        self._checked(path, hashlib.sha256(data).hexdigest())

    def put_written(self, key: str, suffix: str, write: Callable[[BinaryIO], object]) -> int:
        """Store what `write(handle)` writes to a file (a library that writes to a file itself,
        such as qpdf, needs no copy in memory); the entry's size."""

        def fill(handle: io.BufferedRandom) -> str:
            write(handle)
            handle.flush()
            handle.seek(0)
            return hashlib.file_digest(handle, "sha256").hexdigest()

        path = self.path(key, suffix)
        return self._checked(path, write_atomic(path, fill))

    def _checked(self, path: Path, sha256: str) -> int:
        # The check file is written last: an entry without it is incomplete, hence a miss.
        write_bytes_atomic(path.with_name(path.name + ".sha256"), sha256.encode())
        stat = path.stat()
        self._trust(path, [stat.st_size, stat.st_mtime_ns])
        return stat.st_size


def _read_fragment(path: Path) -> dict[str, list[int]]:
    """The entries a worker's file holds, one JSON object a line; a line it was writing when it
    was stopped is left out (those entries are hashed again when next met)."""
    found: dict[str, list[int]] = {}
    try:
        lines = path.read_bytes().splitlines()
    except OSError:
        return found
    for line in lines:
        try:
            loaded = json.loads(line)
        except ValueError:
            continue
        if isinstance(loaded, dict):
            found.update(loaded)
    return found


def _read_index(path: Path) -> dict[str, list[int]]:
    """The entries an index file holds; none when it is missing or unreadable."""
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


class KeptResults:
    """Results of a check kept between builds in one JSON object (key -> result), each key a
    digest of the check's own code (`code`) and of an input, so that a warm build takes an
    unchanged input's result rather than checking it again. Only the entries met in this
    build are kept when it is saved. The file belongs in a cache folder, which the build
    refuses to find committed."""

    def __init__(self, path: Path, code: str) -> None:
        self.path = path
        self.code = code
        try:
            loaded = json.loads(path.read_bytes())
        except (OSError, ValueError):
            loaded = {}
        self._saved: dict[str, str] = (
            {k: v for k, v in loaded.items() if isinstance(k, str) and isinstance(v, str)}
            if isinstance(loaded, dict)
            else {}
        )
        self._kept: dict[str, str] = {}

    def key(self, data: bytes | str) -> str:
        return digest(self.code, data)

    def get(self, key: str) -> str | None:
        """The result the last build kept under `key` (kept for the next one too), or None."""
        result = self._saved.get(key)
        if result is not None:
            self._kept[key] = result
        return result

    def keep(self, key: str, result: str = "") -> None:
        """This build's result for the input of `key` ("": it passed)."""
        self._kept[key] = result

    def problems(self, data: bytes | str, check: Callable[[], list[P]]) -> list[P]:
        """What `check` finds in `data`; none, without running it, when an earlier build found
        nothing in the same data. Only data that passed is kept: a problem is found, and
        told, every time."""
        key = self.key(data)
        if self.get(key) is not None:
            return []
        found = check()
        if not found:
            self.keep(key)
        return found

    def save(self) -> None:
        if self._kept != self._saved:
            data = json.dumps(self._kept, ensure_ascii=False, separators=(",", ":"))
            write_bytes_atomic(self.path, data.encode("utf-8"))
            self._saved = dict(self._kept)
