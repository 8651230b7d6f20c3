"""When each source file last changed: its last commit, or its modification time when it has
changes not yet committed or when there is no git history."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from vneid_site.cache import KeptResults, code_digest
from vneid_site.content.git import Repository, history_key, repository, run_git


def dates_code() -> str:
    """What kept times depend on: the code that works them out from git."""
    return code_digest((__name__, "vneid_site.content.config_times", "vneid_site.content.git"))


@dataclass(frozen=True)
class SourceTimes:
    times: dict[str, float]  # path relative to the folder ("a/b.en.md") -> UNIX time
    shallow: bool  # the history is cut short, so old changes look newer than they are
    from_git: bool  # False: no git history, every time is a file's modification time


def source_times(folder: Path, sources: list[str], kept: KeptResults | None = None) -> SourceTimes:
    """Last change of each of `sources` (paths relative to `folder`). `kept`: the times of the
    last build, taken again when the commit checked out and every file's size and modification
    time are the same (git's log, diff and status of the same commit and the same files give
    the same times)."""
    files = {src: (folder / src).resolve() for src in sources}
    stats = {src: path.stat() for src, path in files.items()}
    mtimes = {src: stat.st_mtime for src, stat in stats.items()}
    repo = repository(folder)
    if repo is None:
        return SourceTimes(mtimes, shallow=False, from_git=False)
    key = None
    if kept is not None:
        stamp = [
            (src, str(files[src]), stats[src].st_mtime_ns, stats[src].st_size)
            for src in sorted(files)
        ]
        key = history_key(kept, repo, [str(repo.top), stamp])
        if key is not None and (times := _kept_times(kept.get(key), files)) is not None:
            return SourceTimes(times, shallow=False, from_git=True)
    times = _git_times(folder, repo, files, mtimes)
    if key is not None and kept is not None:
        kept.keep(key, json.dumps(times))
    return SourceTimes(times, shallow=repo.shallow, from_git=True)


def _kept_times(found: str | None, files: dict[str, Path]) -> dict[str, float] | None:
    try:
        times = json.loads(found) if found is not None else None
    except ValueError:
        return None
    if not isinstance(times, dict) or times.keys() != files.keys():
        return None
    if not all(isinstance(t, (int, float)) for t in times.values()):
        return None
    return {src: float(t) for src, t in times.items()}


def _git_times(
    folder: Path, repo: Repository, files: dict[str, Path], mtimes: dict[str, float]
) -> dict[str, float]:
    log = run_git(folder, "log", "--no-renames", "--format=@%ct", "--name-only", "--", ".") or ""
    committed: dict[Path, float] = {}
    when = 0.0
    for line in log.splitlines():
        if line.startswith("@"):
            when = float(line[1:])
        elif line.strip():
            committed.setdefault((repo.top / line).resolve(), when)
    # Edited but not committed (what a pre-commit hook sees), or new: the edit is newer
    # than any commit, so the file's own modification time tells when it changed.
    dirty = set()
    for args in (("diff", "--name-only", "HEAD"), ("ls-files", "--others", "--exclude-standard")):
        out = run_git(folder, *args, "--", ".")
        paths = out.splitlines() if out else []
        root = repo.top if args[0] == "diff" else folder.resolve()
        dirty |= {(root / p).resolve() for p in paths}
    return {
        src: mtimes[src] if path in dirty or path not in committed else committed[path]
        for src, path in files.items()
    }
