from __future__ import annotations

import pytest

from vneid_site.organisation import OrganisationError, load_organisation

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
    with pytest.raises(OrganisationError, match=r"extra\.organisation\.contact\.en: missing"):
        load_organisation(profile, "vi")


def test_every_problem_is_listed_at_once():
    with pytest.raises(OrganisationError) as err:
        load_organisation({"name": 3, "colour": "red"}, "vi")
    message = str(err.value)
    for fragment in (
        "extra.organisation.colour: unknown key",
        "extra.organisation.name: expected a text",
        "extra.organisation.department",
        "extra.organisation.hotline: missing",
        "extra.organisation.logo: missing",
    ):
        assert fragment in message


def test_not_a_mapping():
    with pytest.raises(OrganisationError, match="expected a mapping"):
        load_organisation(None, "vi")
