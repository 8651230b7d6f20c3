"""The QR mask that `qrcode` picks, found without its eight trial encodings.

`qrcode` chooses a code's mask by laying the data out under each of the eight masks and scoring
each layout with the standard's penalty rules, in pure Python: about three quarters of the time
a code takes. Here the data is laid out once (by `qrcode`, under mask 0); the other seven
layouts differ from it only by the masks themselves on the data modules, so each is that layout
with one XOR per row, and the penalties are counted on rows held as integers. The score of each
mask is exactly `qrcode.util.lost_point`'s, so the mask, and the code, are `qrcode`'s own
(tests/unit/flyers/test_qr.py compares them on many addresses).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

# The finder-like pattern of penalty rule 3 (1:1:3:1:1 with four light modules on one side),
# module 0 first, as qrcode.util._lost_point_level3 reads it.
_FINDER_LIKE = ((1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0), (0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1))
# Lines are laid end to end in one integer, this many bits apart: a light gap that no pattern
# or run crosses, since light modules are counted only where `full` has a module.
_GAP = 2


@dataclass(frozen=True)
class _Shape:
    """Where the modules of a code of one size sit in its lines laid end to end."""

    size: int
    full: int  # every module
    within: int  # every module but each line's last (the 2x2 blocks' left columns)
    starts: int  # where an 11-module pattern may start in a line

    @staticmethod
    @cache
    def of(size: int) -> _Shape:
        stride = size + _GAP

        def each_line(bits: int) -> int:
            return sum(bits << (k * stride) for k in range(size))

        pattern_starts = (1 << (size - 10)) - 1 if size > 10 else 0
        return _Shape(
            size,
            each_line((1 << size) - 1),
            each_line((1 << (size - 1)) - 1),
            each_line(pattern_starts),
        )

    def join(self, lines: list[int]) -> int:
        stride = self.size + _GAP
        return sum(line << (k * stride) for k, line in enumerate(lines))


def _as_rows(modules: list[list[Any]]) -> list[int]:
    """Each row as an integer, bit c set when module c is dark (or not None, for `free`)."""
    return [int("".join("1" if m else "0" for m in reversed(row)), 2) for row in modules]


def _transpose(rows: list[int], size: int) -> list[int]:
    return [sum(((row >> c) & 1) << r for r, row in enumerate(rows)) for c in range(size)]


@cache
def _masks(version: int, free: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
    """Each mask's dark modules on the data positions (`free`), as (rows, columns) joined."""
    from qrcode.util import mask_func

    size = len(free)
    shape = _Shape.of(size)
    out = []
    for pattern in range(8):
        dark = mask_func(pattern)
        rows = [
            sum(1 << c for c in range(size) if (free[r] >> c) & 1 and dark(r, c))
            for r in range(size)
        ]
        out.append((shape.join(rows), shape.join(_transpose(rows, size))))
    return tuple(out)


def _runs_penalty(lines: int, shape: _Shape) -> int:
    """Rule 1: each run of five or more modules of one colour costs its length minus two."""
    total = 0
    for x in (lines, ~lines & shape.full):
        five = x & (x >> 1) & (x >> 2) & (x >> 3) & (x >> 4)
        # A run of length L has L - 4 windows of five and one top end: L - 2 in all.
        total += five.bit_count() + 2 * (five & ~(five >> 1)).bit_count()
    return total


def _blocks_penalty(rows: int, shape: _Shape) -> int:
    """Rule 2: each 2x2 block of one colour costs 3."""
    a, b = rows, rows >> (shape.size + _GAP)  # each row, and the row under it in its place
    same = ~(a ^ b) & ~(a ^ (a >> 1)) & ~(b ^ (b >> 1))
    # The last row has no row under it.
    last = ((1 << shape.size) - 1) << ((shape.size - 1) * (shape.size + _GAP))
    return 3 * (same & shape.within & ~last).bit_count()


def _finder_penalty(lines: int, shape: _Shape) -> int:
    """Rule 3: each finder-like pattern in a row or column costs 40."""
    light = ~lines & shape.full
    total = 0
    for pattern in _FINDER_LIKE:
        found = shape.starts
        for j, dark in enumerate(pattern):
            found &= (lines if dark else light) >> j
        total += found.bit_count()
    return 40 * total


def _balance_penalty(rows: int, size: int) -> int:
    """Rule 4: 10 for every 5 % the share of dark modules strays from half (as qrcode counts)."""
    percent = float(rows.bit_count()) / (size**2)
    return int(abs(percent * 100 - 50) / 5) * 10


def lost_point(rows: int, columns: int, shape: _Shape) -> int:
    """qrcode.util.lost_point of the layout given as its rows and its columns joined."""
    return (
        _runs_penalty(rows, shape)
        + _runs_penalty(columns, shape)
        + _blocks_penalty(rows, shape)
        + _finder_penalty(rows, shape)
        + _finder_penalty(columns, shape)
        + _balance_penalty(rows, shape.size)
    )


def best_mask(code: Any) -> int:
    """The mask `code.best_mask_pattern()` returns, for a qrcode.QRCode whose version is set
    (`best_fit`); leaves the code laid out under mask 0 for the test, as qrcode's trials do."""
    from qrcode.main import copy_2d_array, precomputed_qr_blanks

    code.makeImpl(True, 0)
    trial = code.modules
    size = len(trial)
    # The data positions: what the function patterns and format fields leave free.
    code.modules = copy_2d_array(precomputed_qr_blanks[code.version])
    code.setup_type_info(True, 0)
    if code.version >= 7:
        code.setup_type_number(True)
    free = tuple(_as_rows([[m is None for m in row] for row in code.modules]))
    code.modules = trial
    masks = _masks(code.version, free)
    shape = _Shape.of(size)
    rows0 = _as_rows(trial)
    # The layout under mask 0 with mask 0 undone; each mask is then one XOR.
    rows = shape.join(rows0) ^ masks[0][0]
    columns = shape.join(_transpose(rows0, size)) ^ masks[0][1]
    scores = [lost_point(rows ^ r, columns ^ c, shape) for r, c in masks]
    # The first of the lowest, as qrcode keeps the first.
    return min(range(8), key=scores.__getitem__)
