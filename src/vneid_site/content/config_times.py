"""When a setting of mkdocs.yml last changed (`extra.organisation`, say), from git as the pages'
dates are: the newest commit that changed the setting's value, not merely the file. A file
whose setting differs from its last commit's, or a build without git history, gives the file's
modification time. A configuration that inherits another (`INHERIT:`) is dated by the newest
change among the files that set it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import yaml

from vneid_site.cache import KeptResults
from vneid_site.content.git import Repository, history_key, repository, run_git

_MISSING = object()


# libyaml when PyYAML has it (its wheels do): a long history means many revisions to read.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Reads mkdocs.yml without acting on its tags (!ENV, !!python/name): values only."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _value(text: str | None, keys: tuple[str, ...]) -> Any:
    if text is None:
        return _MISSING
    try:
        node: Any = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError:
        return _MISSING
    for key in keys:
        if not isinstance(node, dict) or key not in node:
            return _MISSING
        node = node[key]
    return node


def _chain(config_file: Path) -> list[Path]:
    """The configuration file and those it inherits, nearest first."""
    files: list[Path] = []
    path: Path | None = config_file.resolve()
    while path is not None and path.is_file() and path not in files:
        files.append(path)
        parent = _value(path.read_text(encoding="utf-8"), ("INHERIT",))
        path = (path.parent / parent).resolve() if isinstance(parent, str) else None
    return files


def _blobs(folder: Path, specs: list[str]) -> list[str | None]:
    """The text of each `commit:path` in one `git cat-file --batch` (None: not there)."""
    try:
        proc = subprocess.run(
            ["git", "cat-file", "--batch"],
            cwd=folder,
            input=("\n".join(specs) + "\n").encode("utf-8"),
            capture_output=True,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        return [None] * len(specs)
    out, pos = proc.stdout, 0
    texts: list[str | None] = []
    for _ in specs:
        end = out.find(b"\n", pos)
        header = out[pos:end].split()
        if end < 0 or len(header) < 3 or header[1] != b"blob":
            texts.append(None)
            pos = end + 1
            continue
        size = int(header[2])
        texts.append(out[end + 1 : end + 1 + size].decode("utf-8", "replace"))
        pos = end + 1 + size + 1
    return texts


def _file_time(path: Path, keys: tuple[str, ...], repo: Repository | None) -> float | None:
    """When the value at `keys` last changed in one file (in `repo`, the checkout that holds
    it); None when the file does not set it."""
    text = path.read_text(encoding="utf-8")
    current = _value(text, keys)
    if current is _MISSING:
        return None
    mtime = path.stat().st_mtime
    if repo is None:
        return mtime
    folder = path.parent
    rel = path.relative_to(repo.top).as_posix()
    log = run_git(folder, "log", "--format=%H %ct", "--", f":/{rel}") or ""
    commits = [line.split() for line in log.splitlines() if line.strip()]
    texts = _blobs(folder, [f"{commit}:{rel}" for commit, _ in commits])
    # Not yet committed (edited, or new): the edit is newer than any commit.
    if not commits or (texts[0] != text and _value(texts[0], keys) != current):
        return mtime
    introduced = None
    for (_, when), old in zip(commits, texts, strict=True):
        # The same text is the same value: most revisions need no parsing.
        if old != text and _value(old, keys) != current:
            break
        introduced = float(when)  # the oldest commit of the newest run with this value
    return introduced


def _stamp(path: Path) -> list[str | int]:
    stat = path.stat()
    return [str(path), stat.st_mtime_ns, stat.st_size]


def setting_time(
    config_file: Path, keys: tuple[str, ...], kept: KeptResults | None = None
) -> float | None:
    """When the setting at `keys` last changed (UNIX time), over the configuration file and
    those it inherits; None when none of them sets it. `kept`: the answer of the last build,
    taken again when the commit checked out and each file's size and modification time are
    the same (the same texts and history give the same answer)."""
    first = config_file.resolve()
    repo = repository(first.parent)
    key = history_key(kept, repo, [list(keys), _stamp(first)]) if kept is not None else None
    if key is not None and kept is not None and (found := _kept_answer(kept.get(key))):
        return found[0]
    chain = _chain(config_file)
    times = []
    elsewhere = False  # a file dated by another checkout's history, which the key leaves out
    for path in chain:
        inside = repo is not None and path.is_relative_to(repo.top)
        holder = repo if path == first or inside else repository(path.parent)
        elsewhere |= holder != repo
        if (when := _file_time(path, keys, holder)) is not None:
            times.append(when)
    answer = max(times) if times else None
    if key is not None and kept is not None and not elsewhere:
        kept.keep(key, json.dumps({"time": answer, "files": [_stamp(p) for p in chain]}))
    return answer


def _kept_answer(found: str | None) -> tuple[float | None] | None:
    """(time,) from a kept answer whose inherited files are all as they were; None if not."""
    if found is None:
        return None
    try:
        data = json.loads(found)
        when, files = data["time"], data["files"]
        if when is not None and not isinstance(when, (int, float)):
            return None
        for name, mtime_ns, size in files:
            stat = Path(name).stat()
            if (stat.st_mtime_ns, stat.st_size) != (mtime_ns, size):
                return None
    except (ValueError, TypeError, KeyError, OSError):
        return None
    return (None if when is None else float(when),)
