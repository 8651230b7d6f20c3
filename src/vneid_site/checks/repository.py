"""Checks of the repository around the pages, for the build and the content checks alike:
no symbolic links under docs/ (MkDocs follows them and would publish whatever they point at),
and no generated files committed (a committed .cache/ or site/ could slip files into a build
that nobody reviewed as such)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from vneid_site.checks.git import run_git
from vneid_site.content.problems import Problem

GENERATED = (".cache", "site")  # folders the build writes, never committed


def symlinks(docs: Path, shown: str = "docs/") -> list[Problem]:
    """Every symbolic link under `docs`, without following any of them."""
    found = []
    for folder, dirs, files in os.walk(docs, followlinks=False):
        for name in sorted([*dirs, *files]):
            path = Path(folder) / name
            if path.is_symlink():
                rel = path.relative_to(docs).as_posix()
                found.append(
                    Problem(
                        f"{shown}{rel}",
                        1,
                        "this is a symbolic link; the build would publish whatever it points at",
                        "replace it with a real copy of the file or folder (or delete it)",
                        "đây là liên kết tượng trưng (symlink); bản dựng sẽ đăng cả thứ nó trỏ tới",
                        "thay bằng bản sao thật của tệp hoặc thư mục đó (hoặc xóa nó đi)",
                    )
                )
    return sorted(found, key=lambda problem: problem.path)


def committed_outputs(root: Path) -> list[Problem]:
    """Files under .cache/ or site/ that git tracks; none when `root` is not a git checkout."""
    listing = run_git(root, "ls-files", "-z", "--", *GENERATED, timeout=60) or ""
    tracked = [path for path in listing.split("\0") if path]
    if not tracked:
        return []
    listed = ", ".join(tracked[:5]) + (f" and {len(tracked) - 5} more" if len(tracked) > 5 else "")
    return [
        Problem(
            tracked[0],
            1,
            f"generated files are committed to git: {listed}",
            "remove them from git (git rm -r --cached .cache site) and commit; the build makes "
            "them anew, and .gitignore keeps them out",
            f"tệp do bản dựng sinh ra đã bị đưa vào git: {listed}",
            "gỡ chúng khỏi git (git rm -r --cached .cache site) rồi commit; bản dựng sẽ tự tạo "
            "lại, và .gitignore giữ chúng ngoài git",
        )
    ]


def repository_problems(config: Any) -> list[Problem]:
    """Both checks for a MkDocs config (read duck-typed: docs_dir, config_file_path)."""
    root = Path(config.config_file_path).parent
    return symlinks(Path(config.docs_dir)) + committed_outputs(root)
