"""The `extra` blocks of mkdocs.yml, checked once: the defaults the build has always had, every
problem of every block in one error, and the project's own mkdocs.yml accepted."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from tests.support.sitebuild import ROOT
from vneid_site.config_schema import ConfigError, load_extra, load_flyers
from vneid_site.flyers.packs import VOLUME_SIZE
from vneid_site.flyers.qr_targets import DEFAULT_QR_HOSTS
from vneid_site.flyers.rules import PrintRules

PROFILE = {"name": "Tỉnh", "department": "Sở", "contact": "Liên hệ.", "logo": "logo.svg"}
# mkdocs-static-i18n as MkDocs' config holds it: the site's languages, Vietnamese first.
I18N = SimpleNamespace(
    default_language="vi",
    config=SimpleNamespace(languages=[SimpleNamespace(locale=code) for code in ("vi", "en")]),
)


def config(tmp_path: Path, extra: dict) -> SimpleNamespace:
    return SimpleNamespace(
        extra=extra,
        config_file_path=str(tmp_path / "mkdocs.yml"),
        docs_dir=str(tmp_path / "docs"),
        plugins={"i18n": I18N},
    )


def test_left_out_blocks_get_the_defaults(tmp_path):
    settings = load_extra(config(tmp_path, {"organisation": PROFILE}))
    flyers = settings.flyers
    assert flyers.enabled and flyers.pack_volume == VOLUME_SIZE
    assert flyers.template_dir == (tmp_path / "flyer-templates").resolve()
    assert flyers.cache_dir == (tmp_path / ".cache" / "flyers").resolve()
    assert (flyers.offices, flyers.offices_shown, flyers.workers) == (None, "", None)
    assert flyers.qr_hosts == DEFAULT_QR_HOSTS and flyers.rules == PrintRules()
    assert settings.web.cache_dir == (tmp_path / ".cache" / "web").resolve()
    assert settings.web.precompress is False
    assert settings.corrections is None
    org = settings.organisation.resolve("en")
    assert (org.name, org.hotline, org.contact_note, org.logo) == ("Tỉnh", "", "", "logo.svg")


def test_values_arrive_typed(tmp_path):
    flyers = load_flyers(
        {"offices": "offices.csv", "workers": 2, "min_body_size": 9.5, "min_summary_chars": 0},
        tmp_path / "mkdocs.yml",
    )
    assert flyers.offices == (tmp_path / "offices.csv").resolve()
    assert flyers.offices_shown == "offices.csv" and flyers.workers == 2
    assert flyers.rules == PrintRules(min_body_size=9.5, min_summary_chars=0)
    # An offices file named by an unset variable (!ENV [OFFICES, ""]) is none.
    assert load_flyers({"offices": ""}, tmp_path / "mkdocs.yml").offices is None


def test_every_problem_of_every_block_is_listed_at_once(tmp_path):
    extra = {
        "organisation": {**PROFILE, "name": {"vi": "Tỉnh"}},
        "corrections": {"repository": "github.com/a/b"},
        "web": {"precompress": "yes"},
        "flyers": {"pack_volume": 0, "min_poster_size": "big", "colour": "red", "enabled": 1},
    }
    with pytest.raises(ConfigError) as err:
        load_extra(config(tmp_path, extra))
    lines = str(err.value).splitlines()
    assert lines[0] == "mkdocs.yml:"
    for line in (
        "extra.organisation.name.en: missing; expected a text, e.g. name: {vi: ..., en: ...}",
        "extra.corrections.repository 'github.com/a/b' is not a repository's web address",
        "extra.web.precompress: expected true or false, not 'yes'",
        "extra.flyers.pack_volume: must be 1 or more",
        "extra.flyers.min_poster_size: must be a size from 14 to 40 (pt), not 'big'",
        "extra.flyers.enabled: expected true or false, not 1",
        "extra.flyers.colour: unknown setting; expected one of enabled, template_dir, cache_dir, "
        "pack_volume, offices, workers, qr_hosts, min_body_size, min_pack_body_size, "
        "min_poster_size, min_summary_chars",
    ):
        assert line in lines, line
    assert lines[-1].startswith("fix: correct these under extra: in mkdocs.yml")
    assert len(err.value.problems) == 7


def test_a_site_without_an_organisation_profile_is_told_what_it_needs(tmp_path):
    with pytest.raises(ConfigError, match=r"extra\.organisation: missing; expected a mapping"):
        load_extra(config(tmp_path, {}))


def test_the_project_s_own_mkdocs_yml_is_accepted(tmp_path):
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
    extra = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["extra"]
    ours = SimpleNamespace(
        extra=extra,
        config_file_path=str(ROOT / "mkdocs.yml"),
        docs_dir=str(ROOT / "docs"),
        plugins={"i18n": I18N},
    )
    settings = load_extra(ours)
    assert settings.flyers.qr_hosts == ("dichvucong.gov.vn", "vneid.gov.vn")
    assert settings.web.precompress is False and settings.corrections is None
