"""Where readers suggest a correction: the repository set once in mkdocs.yml."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest

from vneid_site.config_schema import ConfigError, load_corrections, load_extra

REPO = "https://github.com/example-org/vneid-guide"
PROFILE = {"name": "Tỉnh", "department": "Sở", "contact": "Liên hệ.", "logo": "logo.svg"}


def test_empty_or_missing_repository_means_no_link():
    assert load_corrections(None, "docs") is None
    assert load_corrections({"repository": ""}, "docs") is None
    assert load_corrections({"repository": "  ", "branch": "main"}, "docs") is None


def test_edit_and_issue_addresses_of_a_page():
    corrections = load_corrections({"repository": REPO + "/", "branch": "trunk"}, "docs")
    assert corrections.edit_url("huong-dan/dang-ky-vneid.en.md") == (
        f"{REPO}/edit/trunk/docs/huong-dan/dang-ky-vneid.en.md"
    )
    issue = urlsplit(corrections.issue_url("Đăng ký & kích hoạt", "https://x.gov.vn/a/?b=1"))
    assert f"{issue.scheme}://{issue.netloc}{issue.path}" == f"{REPO}/issues/new"
    query = parse_qs(issue.query)
    assert query == {"title": ["Đăng ký & kích hoạt"], "body": ["https://x.gov.vn/a/?b=1"]}


@pytest.mark.parametrize(
    "raw,message",
    [
        ("https://github.com/a/b", "expected a mapping"),
        ({"repository": "github.com/a/b"}, "is not a repository's web address"),
        ({"repository": "https://github.com"}, "is not a repository's web address"),
        ({"repo": REPO}, "extra.corrections.repo: unknown key"),
    ],
)
def test_mistakes_are_named_with_a_fix(raw, message):
    with pytest.raises(ConfigError, match=message) as err:
        load_corrections(raw, "docs")
    assert "fix:" in str(err.value)


def test_the_docs_folder_is_read_from_the_config(tmp_path):
    config = SimpleNamespace(
        config_file_path=str(tmp_path / "mkdocs.yml"),
        docs_dir=str(tmp_path / "site-docs"),
        extra={"corrections": {"repository": REPO}, "organisation": PROFILE},
        plugins={},
    )
    corrections = load_extra(config).corrections
    assert corrections.edit_url("a.md") == f"{REPO}/edit/main/site-docs/a.md"
