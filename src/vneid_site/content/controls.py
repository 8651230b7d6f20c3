"""Invisible control characters in text that is printed as it is (front matter, the offices
file): C0 and C1 controls, NUL, DEL and the bidirectional controls. A right-to-left override
turns "gpj.exe" into what reads as "exe.jpg"; a NUL or an escape code has no business on a page
or a flyer. Tabs and line breaks are text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# Unicode's Bidi_Control characters: ALM, LRM, RLM, LRE..RLO, LRI..PDI.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
_NAMES = {
    "\x00": "NUL",
    "\x1b": "ESCAPE",
    "\r": "CARRIAGE RETURN",
    "\u061c": "ARABIC LETTER MARK",
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
}


@dataclass(frozen=True)
class Control:
    position: int  # 1-based, in characters
    char: str

    @property
    def name(self) -> str:
        """'U+202E RIGHT-TO-LEFT OVERRIDE', or 'U+0007 control character'."""
        return f"U+{ord(self.char):04X} {_NAMES.get(self.char, 'control character')}"


def find_control(text: str, allow_line_breaks: bool = True) -> Control | None:
    """The first control character of `text`, or None. Tab and line feed are allowed; with
    `allow_line_breaks`, so is a carriage return (a spreadsheet's line break in a cell)."""
    for match in _CONTROL.finditer(text):
        if allow_line_breaks and match.group() == "\r":
            continue
        return Control(match.start() + 1, match.group())
    return None


def controls_in(value: Any, shown: Any = str) -> Iterator[tuple[tuple[str, ...], Control]]:
    """(key path, first control character) of every text in nested mappings and lists, keys
    included, in document order and without line breaks allowed; `shown` turns a key into its
    name in the path."""
    stack: list[tuple[tuple[str, ...], Any]] = [((), value)]
    while stack:  # no recursion: nesting is as deep as the YAML parser allowed
        keys, item = stack.pop()
        if isinstance(item, dict):
            # Pushed in reverse, so the texts come out in the order of the file.
            for key, child in reversed(item.items()):
                where = (*keys, shown(key))
                stack.append((where, child))
                if isinstance(key, str):
                    stack.append((where, key))
        elif isinstance(item, list):
            stack.extend(reversed([((*keys, str(i)), child) for i, child in enumerate(item)]))
        elif isinstance(item, str) and (found := find_control(item, allow_line_breaks=False)):
            yield keys, found
