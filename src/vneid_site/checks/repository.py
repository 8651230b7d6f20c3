"""Checks of the repository around the pages, for the build and the content checks alike:
no symbolic links anywhere in the project (MkDocs follows those under docs/ and publishes what
they point at; Typst reads through those in flyer-templates/, so a link there could print
/etc/passwd on a flyer; hooks/ and overrides/ are code and templates), and no generated files
committed (a committed .cache/ or site/ could slip files into a build that nobody reviewed as
such)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from vneid_site.content.git import run_git
from vneid_site.content.problems import Problem

GENERATED = (".cache", "site")  # folders the build writes, never committed
# Folders at the top of the project that tools keep for themselves and the build never reads;
# a virtual environment (a folder holding pyvenv.cfg) is skipped wherever it is.
TOOL_FOLDERS = frozenset(
    {".git", ".cache", "node_modules", ".pytest_cache", ".ruff_cache", ".mypy_cache", ".tox"}
    | {".nox", "preview", "site-preview", "tmp"}
)


def _symlink(shown: str) -> Problem:
    return Problem(
        shown,
        1,
        "this is a symbolic link; the build would read, and could publish, whatever it points "
        "at, even outside the project",
        "replace it with a real copy of the file or folder (or delete it)",
        "đây là liên kết tượng trưng (symlink); bản dựng sẽ đọc, và có thể đăng, cả thứ nó trỏ "
        "tới, kể cả ngoài dự án",
        "thay bằng bản sao thật của tệp hoặc thư mục đó (hoặc xóa nó đi)",
    )


def symlinks(
    folder: Path, shown: str = "docs/", skip: frozenset[Path] = frozenset()
) -> list[Problem]:
    """Every symbolic link under `folder`, named `shown` + its relative path, without following
    any; virtual environments, __pycache__ and the folders in `skip` are not searched."""
    # Absolute paths on both sides: `mkdocs build -f mkdocs.yml` gives a relative root, whose
    # entries ("./.cache") would never equal the folders to skip (".cache").
    top = os.path.abspath(folder)
    skipped = {os.path.abspath(path) for path in skip}
    found = []
    todo = [top]
    while todo:
        try:
            # scandir tells a link from the directory listing, without a call for each entry.
            with os.scandir(todo.pop()) as listing:
                entries = list(listing)
        except OSError:  # unreadable, or gone since it was listed: as os.walk, pass it by
            continue
        for entry in entries:
            if entry.path in skipped:
                continue
            if entry.is_symlink():
                relative = Path(entry.path).relative_to(top).as_posix()
                found.append(_symlink(f"{shown}{relative}"))
            elif (
                entry.is_dir(follow_symlinks=False)
                and entry.name != "__pycache__"
                and not os.path.isfile(os.path.join(entry.path, "pyvenv.cfg"))
            ):
                todo.append(entry.path)
    return sorted(found, key=lambda problem: problem.path)


def tracked_files(root: Path) -> list[tuple[str, str]]:
    """(mode, path) of every file git tracks in `root`; none when it is not a git checkout."""
    listing = run_git(root, "ls-files", "-s", "-z", timeout=60) or ""
    tracked = []
    for entry in listing.split("\0"):
        mode, _, rest = entry.partition(" ")
        if rest:
            tracked.append((mode, rest.split("\t", 1)[-1]))
    return tracked


def repository_symlinks(
    root: Path,
    docs: Path,
    skip: tuple[Path, ...] = (),
    tracked: list[tuple[str, str]] | None = None,
) -> list[Problem]:
    """Every symbolic link of the project in `root` and of its docs folder (wherever that is),
    and every one git tracks (`tracked`: tracked_files(root), when already read); tools' own
    folders (TOOL_FOLDERS) and `skip` (the site folder) are not searched."""
    skipped = frozenset({*(root / name for name in TOOL_FOLDERS), *skip})
    found = {problem.path: problem for problem in symlinks(root, "", skipped)}
    if not docs.resolve().is_relative_to(root.resolve()):
        shown = f"{os.path.relpath(docs, root)}/".replace(os.sep, "/")
        found |= {problem.path: problem for problem in symlinks(docs, shown)}
    # A link committed inside a skipped folder is still a link a pull request brought.
    for mode, path in tracked_files(root) if tracked is None else tracked:
        if mode == "120000":
            found.setdefault(path, _symlink(path))
    return sorted(found.values(), key=lambda problem: problem.path)


def committed_outputs(
    root: Path, folders: Iterable[Path] = (), tracked: list[tuple[str, str]] | None = None
) -> list[Problem]:
    """Files under .cache/, site/ or `folders` (where the configuration puts the site and the
    caches; those outside `root` are not git's) that git tracks; none when `root` is not a git
    checkout. A committed cache would be trusted by the build as its own work. `tracked`:
    tracked_files(root), when already read."""
    top = root.resolve()
    names = list(GENERATED)
    for folder in map(Path.resolve, folders):
        if folder != top and folder.is_relative_to(top):
            name = folder.relative_to(top).as_posix()
            names += [name] if name not in names else []
    under = tuple(f"{name}/" for name in names)
    files = tracked_files(root) if tracked is None else tracked
    found = sorted(path for _, path in files if path in names or path.startswith(under))
    if not found:
        return []
    listed = ", ".join(found[:5]) + (f" and {len(found) - 5} more" if len(found) > 5 else "")
    shown = " ".join(names)
    return [
        Problem(
            found[0],
            1,
            f"generated files are committed to git: {listed}",
            f"remove them from git (git rm -r --cached {shown}) and commit; the build makes "
            "them anew, and .gitignore keeps them out",
            f"tệp do bản dựng sinh ra đã bị đưa vào git: {listed}",
            f"gỡ chúng khỏi git (git rm -r --cached {shown}) rồi commit; bản dựng sẽ tự tạo "
            "lại, và .gitignore giữ chúng ngoài git",
        )
    ]


def cache_folders(root: Path, extra: Any) -> list[Path]:
    """The cache folders that mkdocs.yml's `extra` (read duck-typed, before it is validated)
    names for the web files and the flyers."""
    found = []
    for block in ("web", "flyers"):
        # MkDocs gives `extra` as a Config (a Mapping, not a dict).
        options = extra.get(block) if isinstance(extra, Mapping) else None
        folder = options.get("cache_dir") if isinstance(options, Mapping) else None
        if isinstance(folder, str) and folder.strip():
            found.append(root / folder)
    return found


def repository_problems(config: Any) -> list[Problem]:
    """Both checks for a MkDocs config (read duck-typed: docs_dir, site_dir,
    config_file_path, extra)."""
    root = Path(config.config_file_path).parent
    site = Path(config.site_dir)
    outputs = [site, *cache_folders(root, config.extra)]
    tracked = tracked_files(root)  # one git call for both checks
    return repository_symlinks(root, Path(config.docs_dir), (site,), tracked) + committed_outputs(
        root, outputs, tracked
    )
