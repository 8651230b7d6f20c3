"""`mkdocs serve` rebuilds when the flyer templates or the offices file change."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config

from tests.support.sitebuild import ROOT, load_hook


class _Server:
    """What the hook sees of MkDocs' LiveReloadServer: the paths it is asked to watch."""

    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)


@pytest.fixture
def flyer_hook(monkeypatch):
    # As MkDocs loads it: its folder first on sys.path, for its sibling flyer_config.
    monkeypatch.syspath_prepend(str(ROOT / "hooks"))
    return load_hook("flyer_hook")


def _project(tmp_path: Path, flyers: str) -> Path:
    (tmp_path / "docs").mkdir()
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: X\nextra:\n  flyers:\n{flyers}", encoding="utf-8")
    return config


def test_serve_watches_the_flyer_templates(monkeypatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"))
    templates = config.extra["flyers"].get("template_dir", "flyer-templates")
    assert str((ROOT / templates).resolve()) in [str(Path(p).resolve()) for p in config.watch]


def test_serve_watches_the_offices_file(tmp_path, flyer_hook):
    config = load_config(str(_project(tmp_path, "    offices: lists/offices.csv\n")))
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "offices.csv").write_text("name\n", encoding="utf-8")
    server = _Server()
    assert flyer_hook.on_serve(server, config=config, builder=None) is server
    assert server.watched == [str(tmp_path / "lists" / "offices.csv")]


@pytest.mark.parametrize("flyers", ["    enabled: true\n", "    offices: missing.csv\n"])
def test_serve_watches_no_offices_file_that_is_not_there(tmp_path, flyer_hook, flyers):
    config = load_config(str(_project(tmp_path, flyers)))
    server = _Server()
    assert flyer_hook.on_serve(server, config=config, builder=None) is server
    assert server.watched == []
