"""The tools read mkdocs.yml as the build does: INHERIT and !ENV honoured, a clear error when
it is missing or broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from vneid_site.project import ProjectConfigError, load_settings

I18N = """plugins:
  - i18n:
      docs_structure: suffix
      languages:
        - locale: vi
          name: Tiếng Việt
          build: true
        - locale: en
          name: English
          default: true
          build: true
"""


def _project(root: Path, config: str, **files: str) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_inherited_settings_are_read(tmp_path):
    base = (
        "site_name: Base\n"
        f"{I18N}"
        "extra:\n  flyers:\n    offices: data/offices.csv\n    qr_hosts: [a.example]\n"
        "  organisation:\n    name: Base office\n"
    )
    child = "INHERIT: base.yml\nextra:\n  organisation:\n    name: Own office\n"
    root = _project(tmp_path, child, **{"base.yml": base})
    settings = load_settings(root)
    assert settings.languages.codes == ("en", "vi")  # the base's, not the site's default
    assert settings.docs_dir == root / "docs"
    assert settings.offices == root / "data" / "offices.csv"
    assert settings.qr_hosts == ("a.example",)
    assert settings.organisation == {"name": "Own office"}  # the child's value wins


def test_env_values_are_read(tmp_path, monkeypatch):
    root = _project(
        tmp_path,
        'site_name: X\nsite_url: !ENV [SITE_URL, "https://default/"]\n'
        "markdown_extensions:\n  - toc:\n      permalink: true\n  - abbr\n",
    )
    monkeypatch.delenv("SITE_URL", raising=False)
    settings = load_settings(root)
    assert settings.site_url == "https://default/"
    # MkDocs' own extensions first, each with its settings, as the build loads them.
    assert settings.markdown_extensions == (
        {"toc": {"permalink": True}},
        "tables",
        "fenced_code",
        "abbr",
    )
    monkeypatch.setenv("SITE_URL", "https://www.example.gov.vn/vneid/")
    assert load_settings(root).site_url == "https://www.example.gov.vn/vneid/"


def _error(root: Path) -> list[str]:
    with pytest.raises(ProjectConfigError) as info:
        load_settings(root)
    return str(info.value).splitlines()


def test_broken_yaml_is_one_clear_error(tmp_path):
    root = _project(tmp_path, "site_name: X\nnav:\n  - a.md\n  b: [\n")
    problem, fix = _error(root)
    assert problem.startswith(f"{root / 'mkdocs.yml'}: ")
    assert "error parsing the configuration file" in problem and "line" in problem
    assert fix == "fix: correct mkdocs.yml; `mkdocs build` reports the same problem"


def test_an_invalid_setting_is_named(tmp_path):
    root = _project(tmp_path, "site_name: X\ndocs_dir: nowhere\n")
    problem, fix = _error(root)
    assert problem.startswith(f"{root / 'mkdocs.yml'}: Config value 'docs_dir': ")
    assert "nowhere" in problem and "Aborted" not in problem
    assert fix.startswith("fix: correct mkdocs.yml")


def test_a_missing_parent_is_named(tmp_path):
    root = _project(tmp_path, "INHERIT: base.yml\nsite_name: X\n")
    problem, _ = _error(root)
    assert "base.yml" in problem and "does not exist" in problem


def test_a_missing_mkdocs_yml_is_named(tmp_path):
    assert _error(tmp_path) == [
        f"{tmp_path / 'mkdocs.yml'}: no such file",
        "fix: run the command on the project folder, the one that holds mkdocs.yml",
    ]


def test_the_tools_do_not_load_the_hooks(tmp_path):
    # A hook is the build's: a tool reading the settings neither runs it nor needs it.
    root = _project(tmp_path, "site_name: X\nhooks:\n  - hooks/gone.py\nwatch:\n  - gone/\n")
    assert load_settings(root).docs_dir == root / "docs"
