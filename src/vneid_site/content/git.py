"""Git, run for what it says about the sources, never required: without git or outside a
repository each caller falls back to what it can tell without history."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any, NamedTuple

from vneid_site.cache import KeptResults


def run_git(folder: Path, *args: str, timeout: float = 120) -> str | None:
    """What `git args` prints (UTF-8, paths unquoted) when run in `folder`; None when git is not
    installed, `folder` is not in a repository, or the command fails or takes too long."""
    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=folder,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout if proc.returncode == 0 else None


class Repository(NamedTuple):
    top: Path  # the checkout's top folder, resolved
    head: str  # the commit checked out
    shallow: bool  # the history is cut short (a shallow clone)


def repository(folder: Path) -> Repository | None:
    """The git checkout that holds `folder`, in one call; None without git, outside a
    repository, or before its first commit (no history to date anything by)."""
    out = run_git(folder, "rev-parse", "--show-toplevel", "--is-shallow-repository", "HEAD")
    lines = out.splitlines() if out else []
    if len(lines) != 3:
        return None
    return Repository(Path(lines[0]).resolve(), lines[2].strip(), lines[1].strip() == "true")


def history_key(kept: KeptResults, repo: Repository | None, parts: list[Any]) -> str | None:
    """The key under which an answer worked out from `repo`'s history at its commit (None: no
    git history) and from `parts` is kept; None when it may not be kept: a shallow clone's
    history can deepen under the same commit."""
    if repo is not None and repo.shallow:
        return None
    return kept.key(json.dumps([repo.head if repo else "", *parts]))
