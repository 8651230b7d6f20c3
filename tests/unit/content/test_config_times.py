"""A setting of mkdocs.yml is dated by the commit that changed its value, not the file's."""

from __future__ import annotations

import os
from pathlib import Path

from tests.support.git import git
from vneid_site.content.config_times import setting_time

PROFILE = ("extra", "organisation")
CONFIG = """site_name: X
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
nav: [{nav}]
extra:
  organisation:
    name: Org
    contact: {contact}
"""


def write(folder: Path, contact: str = "Ask the ward.", nav: str = "a.md") -> Path:
    path = folder / "mkdocs.yml"
    path.write_text(CONFIG.format(contact=contact, nav=nav), encoding="utf-8")
    return path


def test_the_commit_that_changed_the_value_dates_it_later_commits_of_the_file_do_not(tmp_path):
    config = write(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first", when=1_700_000_000)
    write(tmp_path, contact="Ask the commune police.")
    git(tmp_path, "commit", "-q", "-am", "contact", when=1_700_100_000)
    write(tmp_path, contact="Ask the commune police.", nav="a.md, b.md")
    git(tmp_path, "commit", "-q", "-am", "nav only", when=1_700_200_000)
    assert setting_time(config, PROFILE) == 1_700_100_000
    assert setting_time(config, ("site_name",)) == 1_700_000_000
    assert setting_time(config, ("extra", "missing")) is None


def test_an_uncommitted_change_of_the_value_is_dated_by_the_file(tmp_path):
    config = write(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first", when=1_700_000_000)
    write(tmp_path, nav="b.md")  # edited, but not the profile
    os.utime(config, (1_800_000_000, 1_800_000_000))
    assert setting_time(config, PROFILE) == 1_700_000_000
    write(tmp_path, contact="New.")
    os.utime(config, (1_800_000_000, 1_800_000_000))
    assert setting_time(config, PROFILE) == 1_800_000_000


def test_without_git_the_file_time_and_an_inherited_profile_counts(tmp_path):
    parent = write(tmp_path)
    os.utime(parent, (1_600_000_000, 1_600_000_000))
    child = tmp_path / "site" / "mkdocs.yml"
    child.parent.mkdir()
    child.write_text("INHERIT: ../mkdocs.yml\nsite_name: Y\n", encoding="utf-8")
    assert setting_time(child, PROFILE) == 1_600_000_000
    child.write_text(
        "INHERIT: ../mkdocs.yml\nextra:\n  organisation:\n    contact: Other.\n", encoding="utf-8"
    )
    os.utime(child, (1_650_000_000, 1_650_000_000))
    assert setting_time(child, PROFILE) == 1_650_000_000  # the newer of the two files
