"""Where a reader suggests a correction: the page's source in the repository's web editor, or a
new issue that names the page's address. Read from `extra.corrections` in mkdocs.yml.

The address is set here, not as MkDocs' `repo_url`: with `repo_url`, Material fetches the
repository's statistics from the code host in every visitor's browser, a request to another
host that this site never makes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from vneid_site.errors import SiteError

NOT_SET = (
    "extra.corrections.repository is not set: pages show no 'Suggest a change' link. To show "
    "it, set the repository's address in mkdocs.yml or when building, e.g. "
    "SITE_REPOSITORY=https://github.com/<owner>/<repository> mkdocs build"
)
_ADDRESS = re.compile(r"https?://[^\s/?#]+(/[^\s?#]+)+")


class CorrectionsError(SiteError):
    """`extra.corrections` in mkdocs.yml is mistyped."""


@dataclass(frozen=True)
class Corrections:
    """A repository on a GitHub-style code host (its web editor and its new-issue form)."""

    repository: str  # https://host/owner/name, without a trailing slash
    branch: str
    docs_path: str  # the docs folder inside the repository, e.g. "docs"

    def edit_url(self, src: str) -> str:
        """The web editor of the page's source file (`src`: docs-relative path)."""
        path = quote(f"{self.docs_path}/{src}".lstrip("/"))
        return f"{self.repository}/edit/{quote(self.branch)}/{path}"

    def issue_url(self, title: str, page_url: str) -> str:
        """A new issue whose title and text name the page and its address."""
        query = urlencode({"title": title, "body": page_url}, quote_via=quote)
        return f"{self.repository}/issues/new?{query}"


def corrections_of(config: Any) -> Corrections | None:
    """`extra.corrections` of a MkDocs config (read duck-typed); the docs folder's path in the
    repository is taken to be its path from the folder of mkdocs.yml."""
    root = Path(config.config_file_path).parent.resolve()
    docs = Path(config.docs_dir).resolve()
    docs_path = docs.relative_to(root).as_posix() if docs.is_relative_to(root) else "docs"
    return load_corrections(config.extra.get("corrections"), docs_path)


def load_corrections(raw: Any, docs_path: str) -> Corrections | None:
    """`extra.corrections` checked; None when no repository is set (no links, no error)."""
    raw = {} if raw is None else raw
    if not isinstance(raw, dict):
        raise CorrectionsError(
            "mkdocs.yml: extra.corrections: expected a mapping with repository and branch\n"
            "fix: write corrections: {repository: https://github.com/<owner>/<repo>, "
            "branch: main}"
        )
    unknown = sorted(set(raw) - {"repository", "branch"})
    if unknown:
        raise CorrectionsError(
            f"mkdocs.yml: extra.corrections.{unknown[0]}: unknown key\n"
            "fix: use repository and branch"
        )
    repository = str(raw.get("repository") or "").strip().rstrip("/")
    branch = str(raw.get("branch") or "main").strip()
    if not repository:
        return None
    if not _ADDRESS.fullmatch(repository):
        raise CorrectionsError(
            f"mkdocs.yml: extra.corrections.repository '{repository}' is not a repository's "
            "web address\n"
            "fix: write it in full, e.g. https://github.com/<owner>/<repository>"
        )
    return Corrections(repository, branch, docs_path.strip("/"))
