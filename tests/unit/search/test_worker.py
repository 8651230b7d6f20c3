"""Finding Material's search worker for the ranking wrapper."""

from __future__ import annotations

from pathlib import Path

import material

from vneid_site.search.worker import WORKERS, material_worker, wrapped


def test_finds_the_worker_of_the_installed_material():
    theme = Path(material.__file__).parent / "templates"
    name = material_worker([theme])
    assert name is not None and (theme / WORKERS / name).is_file()
    assert wrapped(name) == f"search-rank.js?material={name}"


def test_first_theme_folder_with_a_worker_wins_and_other_files_are_ignored(tmp_path):
    empty, custom, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    for folder, names in ((custom, ["search.0a1b.min.js", "search.min.js.map"]), (other, [])):
        (folder / WORKERS).mkdir(parents=True)
        for name in names:
            (folder / WORKERS / name).write_text("", encoding="utf-8")
    (custom / WORKERS / "search.0a1b.min.js.map").write_text("", encoding="utf-8")
    assert material_worker([empty, custom]) == "search.0a1b.min.js"
    assert material_worker([empty, other]) is None
