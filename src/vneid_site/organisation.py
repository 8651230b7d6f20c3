"""Organisation profile: who publishes the site and where readers get help today, from
`extra.organisation` (validated in config_schema.py). `contact` is the help printed in the
footer and on every flyer; `hotline` is optional, for an organisation that runs its own support
line."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Organisation:
    """The profile resolved for one language."""

    name: str
    department: str
    contact: str
    contact_note: str
    logo: str
    hotline: str = ""  # "" when the profile names none


@dataclass(frozen=True)
class OrganisationProfile:
    """The profile in every language: each text by language code, for every language of the
    site (a text written once in mkdocs.yml serves them all)."""

    name: Mapping[str, str]
    department: Mapping[str, str]
    contact: Mapping[str, str]
    contact_note: Mapping[str, str]  # "" in a language without a note
    hotline: Mapping[str, str]  # "" in every language when the profile names none
    logo: str  # under docs/

    def resolve(self, lang: str) -> Organisation:
        """The profile as pages and flyers of `lang` print it."""
        return Organisation(
            name=self.name[lang],
            department=self.department[lang],
            contact=self.contact[lang],
            contact_note=self.contact_note[lang],
            logo=self.logo,
            hotline=self.hotline[lang],
        )
