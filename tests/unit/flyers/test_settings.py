"""The flyer build's folders stay inside the project: Typst reads every file under the folder
that holds the templates and the cache."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.support.offices import csv_text
from vneid_site.config_schema import ConfigError, load_flyers
from vneid_site.flyers.dates import SharedDates
from vneid_site.flyers.offices import OfficeListError
from vneid_site.flyers.rules import PrintRules
from vneid_site.flyers.settings import (
    FlyerOptions,
    page_links,
    pool_size,
    preview_notice,
    render_settings,
    resolve_settings,
)
from vneid_site.i18n.languages import Languages
from vneid_site.organisation import Organisation


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


# --- One language's settings from the site's configuration ----------------------------------

SHARED = SharedDates(date(2026, 1, 2), date(2026, 1, 3))  # as another language found them
LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>'
)


def project(tmp_path: Path, offices: str | None = "offices.csv") -> SimpleNamespace:
    """A project's folder with a logo and an offices file, and its MkDocs config (duck-typed)."""
    root = tmp_path / "project"
    (root / "docs" / "assets").mkdir(parents=True)
    (root / "docs" / "assets" / "logo.svg").write_text(LOGO, encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: Hướng dẫn\n", encoding="utf-8")
    rows = {"phuong-1": ("Phường 1", "Ward 1", "1 Lê Lợi", "0274 1", "7:30-17:00")}
    (root / "offices.csv").write_text(csv_text(rows), encoding="utf-8")
    return SimpleNamespace(
        config_file_path=str(root / "mkdocs.yml"),
        docs_dir=str(root / "docs"),
        site_dir=str(root / "site"),
        site_url="https://example.gov.vn/vneid/",
        site_name="Hướng dẫn VNeID",
        plugins={},
    )


def options(tmp_path: Path, **changes: object) -> FlyerOptions:
    """`extra.flyers` as mkdocs.yml would set it, loaded as the build loads it."""
    values = {
        "template_dir": "flyer-templates",
        "cache_dir": ".cache/flyers",
        "offices": "offices.csv",
        "pack_volume": 20,
        "min_body_size": 12,
        "min_pack_body_size": 9,
        "min_poster_size": 22,
        "min_summary_chars": 100,
    }
    raw = {k: v for k, v in {**values, **changes}.items() if v is not None}
    return load_flyers(raw, tmp_path / "project" / "mkdocs.yml")


ORG = Organisation(
    name="Sở",
    department="Phòng",
    hotline="1900",
    contact="Hỏi Công an phường.",
    contact_note="",
    logo="assets/logo.svg",
)


def test_a_language_s_settings_come_from_the_config_and_its_flyer_options(tmp_path):
    config = project(tmp_path)
    root = Path(config.config_file_path).parent
    settings, offices, warnings = resolve_settings(config, options(tmp_path), "vi", ORG, SHARED)
    assert warnings == []
    assert settings.lang == "vi" and settings.site_name == "Hướng dẫn VNeID"
    assert settings.site_dir == root / "site" and settings.cache_dir == root / ".cache/flyers"
    assert settings.render.template_dir == root / "flyer-templates"
    assert settings.site_url == "https://example.gov.vn/vneid/" and settings.pack_volume == 20
    assert settings.rules == PrintRules(12.0, 9.0, 22.0, 100)
    assert settings.shared == SHARED
    assert settings.org == {
        "name": "Sở",
        "department": "Phòng",
        "hotline": "1900",
        "contact": "Hỏi Công an phường.",
        "contact_note": "",
        "logo_svg": LOGO,
    }
    assert settings.offices_shown == "offices.csv"
    assert [(o.id, o.contact("en")["name"]) for o in offices] == [("phuong-1", "Ward 1")]


def test_a_language_s_own_site_name_and_no_offices_file(tmp_path):
    config = project(tmp_path)
    english = SimpleNamespace(locale="en", site_name="VNeID guide")
    config.plugins = {"i18n": SimpleNamespace(config=SimpleNamespace(languages=[english]))}
    config.site_url = None
    settings, offices, _ = resolve_settings(
        config, options(tmp_path, offices=None), "en", ORG, SHARED
    )
    assert settings.site_name == "VNeID guide" and settings.site_url == ""
    assert offices == [] and settings.offices_shown == ""


def test_a_logo_that_is_not_an_svg_prints_none_and_says_why(tmp_path):
    config = project(tmp_path)
    org = replace(ORG, logo="assets/logo.png")
    settings, _, warnings = resolve_settings(config, options(tmp_path), "vi", org, SHARED)
    assert settings.org["logo_svg"] == ""
    assert len(warnings) == 1 and warnings[0].startswith("extra.organisation.logo: 'assets/")
    assert "fix:" in warnings[0]


@pytest.mark.parametrize("key", ["template_dir", "cache_dir", "offices"])
def test_every_folder_and_file_of_the_options_stays_in_the_project(tmp_path, key):
    project(tmp_path)
    with pytest.raises(ConfigError, match=f"extra.flyers.{key}: '../x' is outside"):
        options(tmp_path, **{key: "../x"})


def test_an_offices_file_that_cannot_be_used_stops_with_its_problems(tmp_path):
    config = project(tmp_path)
    with pytest.raises(OfficeListError, match="it does not exist"):
        resolve_settings(config, options(tmp_path, offices="missing.csv"), "vi", ORG, SHARED)


def test_a_page_links_to_its_files_beside_it():
    links = page_links("en/huong-dan/a/", "en", True, Languages(("vi", "en")))
    assert links["qr_svg"] == "en/huong-dan/a/qr.svg" and links["qr_png"] == "en/huong-dan/a/qr.png"
    assert links["flyer_pdf"] == "en/huong-dan/a/flyer.pdf"
    assert links["download_name"] == "a-en.pdf"
    assert links["posters"] == [
        ("A4", "en/huong-dan/a/poster-a4.pdf", "a-en-poster-a4.pdf"),
        ("A3", "en/huong-dan/a/poster-a3.pdf", "a-en-poster-a3.pdf"),
    ]
    none = page_links("huong-dan/a/", "vi", False, Languages(("vi", "en")))
    assert none["flyer_pdf"] is None and none["posters"] == []
    assert none["qr_svg"] == "huong-dan/a/qr.svg"


@pytest.mark.parametrize(
    ("cores", "cap", "size"), [(4, None, 3), (4, 2, 2), (1, None, 1), (8, 16, 7)]
)
def test_one_worker_a_core_but_the_one_mkdocs_renders_on(monkeypatch, cores, cap, size):
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: set(range(cores)), raising=False)
    assert pool_size(cap) == size


def test_a_local_site_address_is_said_to_make_preview_flyers():
    notice = preview_notice("http://127.0.0.1:8000/")
    assert notice is not None and "SITE_URL=https://" in notice and "127.0.0.1:8000" in notice
    assert preview_notice("https://example.gov.vn/") is None
    assert preview_notice("") is None
