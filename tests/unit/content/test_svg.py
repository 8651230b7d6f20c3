"""SVG files: plain drawing is published, anything that runs or loads something is refused
with its line; the parser expands no entity and reads nothing from the network or the disk."""

from __future__ import annotations

import pytest

from tests.support.hostile_files import CLEAN_SVG, REFUSED_SVG, SVG_HEAD
from tests.support.sitebuild import ROOT
from vneid_site.content.svg import svg_problems


@pytest.mark.parametrize("name", REFUSED_SVG)
def test_each_hostile_drawing_is_refused_naming_what(name):
    svg, phrase = REFUSED_SVG[name]
    problems = svg_problems(svg.encode("utf-8"), "docs/a.svg")
    assert problems, name
    assert any(phrase in p.message for p in problems), [p.message for p in problems]
    assert all(p.path == "docs/a.svg" and p.fix and p.message_vi for p in problems)


def test_plain_drawings_and_the_logo_pass():
    assert svg_problems(CLEAN_SVG.encode("utf-8"), "docs/a.svg") == []
    logo = ROOT / "docs" / "assets" / "images" / "logo.svg"
    assert svg_problems(logo.read_bytes(), "docs/logo.svg") == []


def test_the_line_of_each_problem_is_named():
    svg = f"{SVG_HEAD}\n<rect/>\n<g>\n<script>x</script></g>\n<rect onclick='x'/></svg>"
    problems = svg_problems(svg.encode(), "docs/a.svg")
    assert [(p.line, "script" in p.message or "onclick" in p.message) for p in problems] == [
        (4, True),
        (5, True),
    ]


def test_entities_are_never_expanded_and_files_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("mật khẩu", encoding="utf-8")
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    for doctype in (
        f'<!DOCTYPE svg [<!ENTITY x SYSTEM "file://{secret}">]>',
        f'<!DOCTYPE svg [<!ENTITY l0 "ha">{laughs}]>',
        '<!DOCTYPE svg [<!ATTLIST svg onload CDATA "alert(1)">]>',
    ):
        problems = svg_problems(f"{doctype}{SVG_HEAD}<text>&x;&l9;</text></svg>".encode(), "a")
        assert [p.message.split(",")[0] for p in problems] == [
            "the SVG file holds a DOCTYPE with declarations of its own"
        ]
        assert "mật khẩu" not in str(problems)


def test_broken_and_non_utf8_files_are_problems_not_errors():
    [broken] = svg_problems(b"<svg", "a.svg")
    assert "not well-formed XML" in broken.message
    [latin] = svg_problems(f"{SVG_HEAD}<text>Đ</text></svg>".encode("utf-16"), "a.svg")
    assert "not saved as UTF-8" in latin.message


def test_many_problems_are_counted_not_all_listed():
    svg = SVG_HEAD + "<script/>" * 50 + "</svg>"
    problems = svg_problems(svg.encode(), "a.svg")
    assert len(problems) == 11 and problems[-1].message.startswith("and 40 more")
