"""Organisation profile: who publishes the site and where readers get help today, read from
`extra.organisation`. `contact` is the help printed in the footer and on every flyer; `hotline`
is optional, for an organisation that runs its own support line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from vneid_site.errors import SiteError
from vneid_site.i18n.languages import DEFAULT_CODES

_TEXT_FIELDS = ("name", "department", "contact", "contact_note")


class OrganisationError(SiteError):
    """The organisation profile in mkdocs.yml is incomplete or mistyped."""


@dataclass(frozen=True)
class Organisation:
    """The profile resolved for one language."""

    name: str
    department: str
    contact: str
    contact_note: str
    logo: str
    hotline: str = ""  # "" when the profile names none


def _text(raw: dict[str, Any], key: str, lang: str, problems: list[str]) -> str:
    value = raw.get(key)
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        text = value.get(lang)
        if isinstance(text, str) and text.strip():
            return text.strip()
        problems.append(
            f"extra.organisation.{key}.{lang}: missing; expected a text, e.g. "
            f"{key}: {{vi: ..., en: ...}}"
        )
        return ""
    if value is None and key == "contact_note":
        return ""
    problems.append(
        f"extra.organisation.{key}: expected a text or a {{vi: ..., en: ...}} mapping, "
        f"got {type(value).__name__}"
    )
    return ""


def load_organisation(
    raw: Any, lang: str, languages: Sequence[str] = DEFAULT_CODES
) -> Organisation:
    """Validate `extra.organisation` for every language and resolve it for `lang`."""
    if not isinstance(raw, dict):
        raise OrganisationError(
            "mkdocs.yml: the organisation profile is incomplete:\n"
            "extra.organisation: missing; expected a mapping with name, department, contact "
            "and logo (hotline is optional)"
        )
    problems: list[str] = []
    known = {*_TEXT_FIELDS, "hotline", "logo"}
    for key in sorted(set(raw) - known):
        problems.append(f"extra.organisation.{key}: unknown key; expected one of {sorted(known)}")
    for other in languages:
        if other != lang:
            for key in _TEXT_FIELDS:
                _text(raw, key, other, problems)
    texts = {key: _text(raw, key, lang, problems) for key in _TEXT_FIELDS}
    hotline = raw.get("hotline")
    if isinstance(hotline, dict):  # a caveat beside the number reads in each language
        for other in languages:
            if other != lang:
                _text(raw, "hotline", other, problems)
        hotline = _text(raw, "hotline", lang, problems)
    elif hotline is None:
        hotline = ""
    elif not isinstance(hotline, (str, int)) or not str(hotline).strip():
        problems.append(
            'extra.organisation.hotline: expected a text such as "1900 1234", or no hotline key'
        )
    logo = raw.get("logo")
    if not isinstance(logo, str) or not logo.strip():
        problems.append("extra.organisation.logo: missing; expected a path under docs/")
    if problems:
        lines = "\n".join(dict.fromkeys(problems))
        raise OrganisationError(f"mkdocs.yml: the organisation profile is incomplete:\n{lines}")
    return Organisation(hotline=str(hotline).strip(), logo=str(logo).strip(), **texts)
