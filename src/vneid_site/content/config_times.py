"""When a setting of mkdocs.yml last changed (`extra.organisation`, say), from git as the pages'
dates are: the newest commit that changed the setting's value, not merely the file. A file
whose setting differs from its last commit's, or a build without git history, gives the file's
modification time. A configuration that inherits another (`INHERIT:`) is dated by the newest
change among the files that set it."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import yaml

from vneid_site.content.git import run_git

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


def _file_time(path: Path, keys: tuple[str, ...]) -> float | None:
    """When the value at `keys` last changed in one file; None when the file does not set it."""
    text = path.read_text(encoding="utf-8")
    current = _value(text, keys)
    if current is _MISSING:
        return None
    mtime = path.stat().st_mtime
    folder = path.parent
    top = run_git(folder, "rev-parse", "--show-toplevel")
    if top is None or run_git(folder, "rev-parse", "--verify", "-q", "HEAD") is None:
        return mtime
    rel = path.relative_to(Path(top.strip()).resolve()).as_posix()
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


def setting_time(config_file: Path, keys: tuple[str, ...]) -> float | None:
    """When the setting at `keys` last changed (UNIX time), over the configuration file and
    those it inherits; None when none of them sets it."""
    times = [t for path in _chain(config_file) if (t := _file_time(path, keys)) is not None]
    return max(times) if times else None
