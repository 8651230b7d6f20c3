"""The flyer build's folders stay inside the project: Typst reads every file under the folder
that holds the templates and the cache."""

from __future__ import annotations

import pytest

from vneid_site.config_schema import ConfigError, load_flyers
from vneid_site.flyers.settings import render_settings


@pytest.mark.parametrize("value", ["/", "..", "../other", "/etc", "flyer-templates/../../x"])
def test_a_folder_outside_the_project_is_refused_with_the_fix(tmp_path, value):
    root = tmp_path / "project"
    root.mkdir()
    with pytest.raises(ConfigError) as caught:
        load_flyers({"cache_dir": value}, root / "mkdocs.yml")
    message = str(caught.value)
    assert message.startswith(f"mkdocs.yml: extra.flyers.cache_dir: '{value}' is outside")
    assert "fix: use a path inside the project" in message and ".cache/flyers" in message


def test_a_symbolic_link_out_of_the_project_is_followed_and_refused(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    (root / ".cache").symlink_to("/", target_is_directory=True)
    with pytest.raises(ConfigError, match=r"extra\.flyers\.cache_dir: '\.cache/flyers' is outside"):
        load_flyers({}, root / "mkdocs.yml")  # the default


def test_folders_inside_the_project_keep_the_typst_root_inside_it(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    for value in ("flyer-templates", ".cache/flyers", "./a/../b"):
        options = load_flyers({"template_dir": value, "offices": value}, root / "mkdocs.yml")
        assert options.template_dir.is_relative_to(root) and options.offices.is_relative_to(root)
    render, cache = render_settings(root, "flyer-templates", ".cache/flyers")
    assert render.root == root and cache == root / ".cache" / "flyers"
