"""Control and bidirectional characters are found; tabs, line breaks and letters are text."""

from __future__ import annotations

import pytest

from vneid_site.content.controls import BIDI_CONTROLS, find_control


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x85", *BIDI_CONTROLS])
def test_each_control_is_found_with_its_position(char):
    found = find_control(f"Phường 5{char}x")
    assert found is not None and found.position == 9 and found.char == char
    assert found.name.startswith(f"U+{ord(char):04X} ")


def test_text_tabs_and_line_breaks_pass():
    assert find_control("Đường số 1,\tPhường 5\nThứ Hai–Thứ Sáu ₫ “x” \u00a0") is None
    assert find_control("dòng 1\r\ndòng 2") is None
    assert find_control("dòng 1\r\ndòng 2", allow_line_breaks=False).name == (
        "U+000D CARRIAGE RETURN"
    )
    assert find_control("gnp.\u202eexe").name == "U+202E RIGHT-TO-LEFT OVERRIDE"
