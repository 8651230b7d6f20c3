"""Which id, name and for values a page may give its elements."""

from __future__ import annotations

import pytest

from vneid_site.content.ids import theme_id_named, verdict


@pytest.mark.parametrize(
    "value", ["muc-hai", "fn:1", "fnref:1", "a.b_c-d", "_1", "Muc2", "__tabbed_1_1"]
)
def test_plain_values_and_tabbed_ids_pass(value):
    tag, name = ("input", "id") if value.startswith("__") else ("h2", "id")
    assert verdict(tag, name, value) == "ok"


@pytest.mark.parametrize(
    "value",
    ['z"><script>alert(1)</script>', "a b", "<b>", "", "mục", "a/b", "x'y", "a\u202eb", "#a"],
)
def test_other_characters_are_refused(value):
    assert verdict("h2", "id", value) == "characters"


@pytest.mark.parametrize(
    ("tag", "name", "value"),
    [
        ("div", "id", "__config"),
        ("h2", "id", "__search"),
        ("label", "for", "__drawer"),
        ("input", "name", "__palette"),
        ("div", "id", "__tabbed_1_1"),  # a tabbed id, but not on tabbed's own element
        ("input", "id", "__tabbed_1"),  # a set's name used as an id
        ("span", "id", "__anything"),
    ],
)
def test_theme_names_are_refused(tag, name, value):
    assert verdict(tag, name, value) == "theme"


def test_tabbed_ids_pass_only_where_tabbed_puts_them():
    assert verdict("input", "id", "__tabbed_2_3") == "ok"
    assert verdict("input", "name", "__tabbed_2") == "ok"
    assert verdict("label", "for", "__tabbed_2_3") == "ok"
    assert verdict("input", "id", "__tabbed_2_3", tabbed=False) == "theme"


def test_the_theme_id_imitated_is_named():
    assert theme_id_named("__palette_1") == "__palette"
    assert theme_id_named("__config") == "__config"
    assert theme_id_named("__x") is None
