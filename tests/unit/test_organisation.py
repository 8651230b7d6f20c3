from __future__ import annotations

import pytest
import yaml

from tests.support.sitebuild import ROOT
from vneid_site.config_schema import ConfigError
from vneid_site.config_schema import load_organisation as load_profile


def load_organisation(raw, lang):
    """The profile checked in every language (vi, en), as `lang` prints it."""
    return load_profile(raw, ("vi", "en")).resolve(lang)


PROFILE = {
    "name": {"vi": "Tỉnh Bình Dương", "en": "Bình Dương Province"},
    "department": {"vi": "Sở Thông tin và Truyền thông", "en": "Department of ICT"},
    "hotline": "1022",
    "contact": {"vi": "Gọi 1022.", "en": "Call 1022."},
    "logo": "assets/images/logo.svg",
}


def test_resolves_each_language():
    assert load_organisation(PROFILE, "vi").name == "Tỉnh Bình Dương"
    en = load_organisation(PROFILE, "en")
    assert (en.name, en.department, en.hotline, en.contact_note) == (
        "Bình Dương Province",
        "Department of ICT",
        "1022",
        "",
    )


def test_plain_text_serves_every_language_and_numbers_are_accepted_for_hotline():
    profile = {**PROFILE, "name": "Bình Dương", "hotline": 1022}
    assert load_organisation(profile, "en").name == "Bình Dương"
    assert load_organisation(profile, "en").hotline == "1022"


def test_a_missing_translation_is_reported_even_when_building_the_other_language():
    profile = {**PROFILE, "contact": {"vi": "Gọi 1022."}}
    with pytest.raises(ConfigError, match=r"extra\.organisation\.contact\.en: missing"):
        load_organisation(profile, "vi")


def test_every_problem_is_listed_at_once():
    with pytest.raises(ConfigError) as err:
        load_organisation({"name": 3, "colour": "red"}, "vi")
    message = str(err.value)
    for fragment in (
        "extra.organisation.colour: unknown key",
        "extra.organisation.name: expected a text",
        "extra.organisation.department",
        "extra.organisation.logo: missing",
    ):
        assert fragment in message


def test_not_a_mapping():
    with pytest.raises(ConfigError, match="expected a mapping"):
        load_organisation(None, "vi")


def test_hotline_is_optional_but_never_empty_when_given():
    profile = {key: value for key, value in PROFILE.items() if key != "hotline"}
    assert load_organisation(profile, "vi").hotline == ""
    with pytest.raises(ConfigError, match=r"extra\.organisation\.hotline: expected a text"):
        load_organisation({**PROFILE, "hotline": "  "}, "vi")


def test_hotline_may_differ_per_language_and_each_is_required():
    profile = {**PROFILE, "hotline": {"vi": "1022 (năm 2024)", "en": "1022 (in 2024)"}}
    assert load_organisation(profile, "vi").hotline == "1022 (năm 2024)"
    assert load_organisation(profile, "en").hotline == "1022 (in 2024)"
    with pytest.raises(ConfigError, match=r"extra\.organisation\.hotline\.en: missing"):
        load_organisation({**PROFILE, "hotline": {"vi": "1022"}}, "vi")


# --- The profile this repository ships --------------------------------------------------------

# Bodies dissolved or merged in 2025 (CONTENT-FACTS.md): the dispatch's issuer and its province.
DISSOLVED = {
    "vi": ("Thông tin và Truyền thông", "Bình Dương"),
    "en": ("Information and Communications", "Bình Dương"),
}
FORMER = {"vi": "cũ", "en": "former"}  # "(cũ)", "Bình Dương cũ"
# Where help is today (CONTENT-FACTS.md, "Where to get help today"): the police for VNeID, the
# one-stop counter for the Portal.
HELP = {
    "vi": ("Công an xã, phường", "Bộ phận Một cửa"),
    "en": ("commune or ward police", "one-stop counter"),
}


def shipped_profile() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml reads SITE_URL and the like with !ENV [NAME, default]: take the default.
    Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return config["extra"]["organisation"]


def presents_as_current(text: str, lang: str) -> bool:
    return any(name in text for name in DISSOLVED[lang]) and FORMER[lang] not in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_shipped_profile_never_presents_a_dissolved_body_as_today_s_publisher(lang):
    org = load_organisation(shipped_profile(), lang)
    # What the header, the footer and the flyer letterhead print, and the PDF author.
    for text in (org.name, org.department, org.contact, org.contact_note, org.hotline):
        assert not presents_as_current(text, lang), text
    # The contact says where help is today; the 2024 hotline is history, kept in the FAQ only.
    for place in HELP[lang]:
        assert place in org.contact, place
    assert "1022" not in org.contact + org.hotline + org.contact_note
