"""Where a reader suggests a correction: the page's source in the repository's web editor, or a
new issue that names the page's address. Set by `extra.corrections` in mkdocs.yml (validated in
config_schema.py).

The address is set here, not as MkDocs' `repo_url`: with `repo_url`, Material fetches the
repository's statistics from the code host in every visitor's browser, a request to another
host that this site never makes.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

NOT_SET = (
    "extra.corrections.repository is not set: pages show no 'Suggest a change' link. To show "
    "it, set the repository's address in mkdocs.yml or when building, e.g. "
    "SITE_REPOSITORY=https://github.com/<owner>/<repository> mkdocs build"
)


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
