"""`.github/CODEOWNERS` is in force: active rules, in the syntax GitHub reads, that give every
file of the build code, the templates, the configuration, the workflows and the site's own
scripts an owner."""

from __future__ import annotations

import re

import pathspec
import pytest

from tests.support.sitebuild import ROOT

CODEOWNERS = ROOT / ".github" / "CODEOWNERS"
# The paths the code owners must review (the list, and the tests that guard them).
OWNED = (
    "hooks/",
    "src/",
    "mkdocs.yml",
    "overrides/",
    "flyer-templates/",
    ".github/",
    "docs/assets/javascripts/",
    "docs/assets/stylesheets/",
    "docs/assets/images/logo.svg",
    "scripts/",
    "tests/",
    "requirements.txt",
    "pyproject.toml",
)
OWNER = re.compile(r"@[A-Za-z0-9-]+(?:/[A-Za-z0-9._-]+)?|[^@\s]+@[^@\s]+\.[a-z]+")


def rules() -> list[tuple[str, list[str]]]:
    out = []
    for line in CODEOWNERS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            pattern, *owners = line.split()
            out.append((pattern, owners))
    return out


def owners_of(path: str) -> list[str]:
    """The owners of `path`: the last matching rule wins, as on GitHub."""
    found: list[str] = []
    for pattern, owners in rules():
        if pathspec.GitIgnoreSpec.from_lines([pattern]).match_file(path):
            found = owners
    return found


def files_under(prefix: str) -> list[str]:
    base = ROOT / prefix
    if base.is_file():
        return [prefix]
    return [
        path.relative_to(ROOT).as_posix()
        for path in sorted(base.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    ]


def test_the_rules_are_active_and_in_githubs_syntax():
    found = rules()
    assert len(found) >= len(OWNED) - 3
    for pattern, owners in found:
        # GitHub ignores rules with !negation, [ranges] or \escapes, and rules without owners.
        assert not pattern.startswith("!") and "[" not in pattern and "\\" not in pattern
        assert owners and all(OWNER.fullmatch(owner) for owner in owners), (pattern, owners)


@pytest.mark.parametrize("prefix", OWNED)
def test_every_file_of_each_owned_path_has_an_owner(prefix):
    files = files_under(prefix)
    assert files, prefix
    unowned = [path for path in files if not owners_of(path)]
    assert unowned == [], f"add a rule for these to .github/CODEOWNERS: {unowned}"


def test_pages_are_not_owned_so_contributors_edit_them_without_the_maintainers():
    assert owners_of("docs/huong-dan/dang-ky-vneid.md") == []
    assert owners_of("docs/assets/images/anh.png") == []
    assert owners_of("docs/assets/javascripts/search-highlight.js") == ["@vneid-site/maintainers"]
