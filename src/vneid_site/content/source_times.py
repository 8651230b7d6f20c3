"""When each source file last changed: its last commit, or its modification time when it has
changes not yet committed or when there is no git history."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vneid_site.content.git import run_git


@dataclass(frozen=True)
class SourceTimes:
    times: dict[str, float]  # path relative to the folder ("a/b.en.md") -> UNIX time
    shallow: bool  # the history is cut short, so old changes look newer than they are
    from_git: bool  # False: no git history, every time is a file's modification time


def source_times(folder: Path, sources: list[str]) -> SourceTimes:
    """Last change of each of `sources` (paths relative to `folder`)."""
    files = {src: (folder / src).resolve() for src in sources}
    mtimes = {src: path.stat().st_mtime for src, path in files.items()}
    top = run_git(folder, "rev-parse", "--show-toplevel")
    if top is None or run_git(folder, "rev-parse", "--verify", "-q", "HEAD") is None:
        return SourceTimes(mtimes, shallow=False, from_git=False)
    top_dir = Path(top.strip()).resolve()
    log = run_git(folder, "log", "--no-renames", "--format=@%ct", "--name-only", "--", ".") or ""
    committed: dict[Path, float] = {}
    when = 0.0
    for line in log.splitlines():
        if line.startswith("@"):
            when = float(line[1:])
        elif line.strip():
            committed.setdefault((top_dir / line).resolve(), when)
    # Edited but not committed (what a pre-commit hook sees), or new: the edit is newer
    # than any commit, so the file's own modification time tells when it changed.
    dirty = set()
    for args in (("diff", "--name-only", "HEAD"), ("ls-files", "--others", "--exclude-standard")):
        out = run_git(folder, *args, "--", ".")
        paths = out.splitlines() if out else []
        root = top_dir if args[0] == "diff" else folder.resolve()
        dirty |= {(root / p).resolve() for p in paths}
    times = {
        src: mtimes[src] if path in dirty or path not in committed else committed[path]
        for src, path in files.items()
    }
    shallow = (run_git(folder, "rev-parse", "--is-shallow-repository") or "").strip() == "true"
    return SourceTimes(times, shallow=shallow, from_git=True)
