"""Which element names a page may give: `id`, `name` and `for` values, heading ids included.

They reach places the page body's sanitiser never sees (the table of contents prints heading
ids into links unescaped), and the theme finds its own parts by id: a page element with
id="__config" would replace the theme's settings, one with name="__drawer" could take over its
menu. So a value is made of letters, digits and "-", "_", ".", ":" only, and never starts with
"__", which the theme and pymdownx.tabbed use, except for the ids tabbed itself writes.
"""

from __future__ import annotations

import re
from typing import Literal

ID_ATTRIBUTES = frozenset({"id", "name", "for"})
_SAFE = re.compile(r"[A-Za-z0-9_.:-]+")
# The theme's own element ids and names (Material's base.html and scripts); any value that
# starts with "__" is refused as well, so theirs are named only to explain the refusal.
THEME_IDS = frozenset(
    "__config __search __drawer __toc __palette __consent __announce __outdated __tabs "
    "__code __codelineno __tabbed __md_scope".split()
)
# What pymdownx.tabbed writes: <input id="__tabbed_1_2" name="__tabbed_1"> in a tabbed-set,
# and <label for="__tabbed_1_2"> in its labels.
_TABBED_ID = re.compile(r"__tabbed_\d+_\d+")
_TABBED_NAME = re.compile(r"__tabbed_\d+")

Verdict = Literal["ok", "characters", "theme"]


def tabbed_value(tag: str, name: str, value: str) -> bool:
    """A value that pymdownx.tabbed writes, on the element it writes it on."""
    if (tag == "input" and name == "id") or (tag == "label" and name == "for"):
        return _TABBED_ID.fullmatch(value) is not None
    return tag == "input" and name == "name" and _TABBED_NAME.fullmatch(value) is not None


def verdict(tag: str, name: str, value: str, tabbed: bool = True) -> Verdict:
    """Whether an `id`, `name` or `for` value may stay: "characters" when it holds anything
    but letters, digits, "-", "_", ".", ":", "theme" when it starts with "__" (or is one of the
    theme's). `tabbed`: the element stands where pymdownx.tabbed puts its own (the caller
    knows the document around it; the sanitiser's filter, which sees one attribute, does not)."""
    if _SAFE.fullmatch(value) is None:
        return "characters"
    if value.startswith("__") or value in THEME_IDS:
        return "ok" if tabbed and tabbed_value(tag, name, value) else "theme"
    return "ok"


def theme_id_named(value: str) -> str | None:
    """The theme's id that `value` imitates ("__palette" for "__palette_1"), if any."""
    for theme in sorted(THEME_IDS, key=len, reverse=True):
        if value == theme or value.startswith(theme + "_") or value.startswith(theme + "-"):
            return theme
    return None
