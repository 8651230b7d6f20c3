"""Symbolic links under docs/ and committed generated files are named, with the fix."""

from __future__ import annotations

from tests.support.git import git
from vneid_site.checks.repository import committed_outputs, symlinks


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
