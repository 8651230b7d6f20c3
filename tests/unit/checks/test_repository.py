"""Symbolic links under docs/ and committed generated files are named, with the fix."""

from __future__ import annotations

from pathlib import Path

from tests.support.git import git
from vneid_site.checks.repository import (
    cache_folders,
    committed_outputs,
    repository_symlinks,
    symlinks,
)


def test_symlinks_under_docs_are_named_without_being_followed(tmp_path):
    docs = tmp_path / "docs"
    (docs / "a").mkdir(parents=True)
    (docs / "a" / "page.md").write_text("x", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("private", encoding="utf-8")
    (docs / "a" / "leak.txt").symlink_to(secret)
    (docs / "loop").symlink_to(docs)  # followed, this would never end
    found = symlinks(docs)
    assert [p.path for p in found] == ["docs/a/leak.txt", "docs/loop"]
    assert "symbolic link" in found[0].message and "copy" in found[0].fix
    assert symlinks(tmp_path / "docs" / "a" / "page.md") == []


def test_committed_cache_and_site_files_are_named(tmp_path):
    assert committed_outputs(tmp_path) == []  # not a git checkout: nothing to say
    git(tmp_path, "init", "-q")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "x.md").write_text("x", encoding="utf-8")
    git(tmp_path, "add", ".")
    assert committed_outputs(tmp_path) == []
    (tmp_path / ".cache" / "flyers").mkdir(parents=True)
    (tmp_path / ".cache" / "flyers" / "ab.pdf").write_bytes(b"%PDF")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<p>old</p>", encoding="utf-8")
    git(tmp_path, "add", "-f", ".cache", "site")
    [problem] = committed_outputs(tmp_path)
    assert problem.message == (
        "generated files are committed to git: .cache/flyers/ab.pdf, site/index.html"
    )
    assert "git rm -r --cached .cache site" in problem.fix


def test_symlinks_anywhere_in_the_project_are_named_but_not_in_tools_folders(tmp_path):
    root = tmp_path / "project"
    for folder in (
        "docs",
        "flyer-templates",
        "hooks",
        "overrides",
        ".venv/bin",
        "node_modules/.bin",
    ):
        (root / folder).mkdir(parents=True)
    (root / "flyer-templates" / "passwd.txt").symlink_to("/etc/passwd")
    (root / "hooks" / "x.py").symlink_to(tmp_path / "elsewhere.py")
    (root / "overrides" / "partials").symlink_to(tmp_path, target_is_directory=True)
    (root / "mkdocs.yml").symlink_to(tmp_path / "other.yml")
    # Tools' folders, the build's cache and the site are not the project's sources.
    (root / ".venv" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    (root / ".venv" / "bin" / "python").symlink_to("/usr/bin/python3")
    (root / "node_modules" / ".bin" / "tool").symlink_to("/usr/bin/true")
    (root / ".cache").mkdir()
    (root / ".cache" / "web").symlink_to(tmp_path, target_is_directory=True)
    (root / "site").mkdir()
    (root / "site" / "x").symlink_to("/etc/passwd")
    found = repository_symlinks(root, root / "docs", (root / "site",))
    assert [p.path for p in found] == [
        "flyer-templates/passwd.txt",
        "hooks/x.py",
        "mkdocs.yml",
        "overrides/partials",
    ]
    assert "even outside the project" in found[0].message and "copy" in found[0].fix
    # A docs folder outside the project is searched too.
    outside = tmp_path / "docs-outside"
    outside.mkdir()
    (outside / "a.md").symlink_to("/etc/passwd")
    paths = [p.path for p in repository_symlinks(root, outside, (root / "site",))]
    assert "../docs-outside/a.md" in paths


def test_a_relative_project_folder_still_skips_the_tools_folders(tmp_path, monkeypatch):
    # `mkdocs build -f mkdocs.yml` gives MkDocs a relative config path, so a relative root.
    (tmp_path / "docs").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "web").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "x").symlink_to("/etc/passwd")
    (tmp_path / "hooks").mkdir()
    (tmp_path / "hooks" / "x.py").symlink_to("/etc/passwd")
    monkeypatch.chdir(tmp_path)
    found = repository_symlinks(Path("."), Path("docs"), (Path("site"),))
    assert [p.path for p in found] == ["hooks/x.py"]


def test_a_symlink_git_tracks_is_named_even_in_a_tools_folder(tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "leak").symlink_to("/etc/passwd")
    git(tmp_path, "add", "-f", "node_modules/leak")
    assert [p.path for p in repository_symlinks(tmp_path, tmp_path / "docs")] == [
        "node_modules/leak"
    ]


def test_committed_files_in_the_configured_site_and_cache_folders_are_named(tmp_path):
    git(tmp_path, "init", "-q")
    for name in ("flyer-cache/ab/x.png", "built/index.html", "docs/x.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    git(tmp_path, "add", ".")
    extra = {"flyers": {"cache_dir": "flyer-cache"}, "web": {"cache_dir": 3}}
    folders = [tmp_path / "built", *cache_folders(tmp_path, extra)]
    assert folders == [tmp_path / "built", tmp_path / "flyer-cache"]
    [problem] = committed_outputs(tmp_path, [*folders, tmp_path.parent / "elsewhere", tmp_path])
    assert problem.message == (
        "generated files are committed to git: built/index.html, flyer-cache/ab/x.png"
    )
    assert "git rm -r --cached .cache site built flyer-cache" in problem.fix
    assert committed_outputs(tmp_path) == []  # the default folders hold nothing
