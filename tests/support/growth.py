"""How a function's cost grows with its input, for tests that must fail on quadratic time and
never on a slow machine: the same function on N and 4N, compared in the same test."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def growth(fn: Callable[[Any], object], small: Any, large: Any) -> float:
    """How much longer `fn` takes on `large` (four times `small`): about 4 when linear, 16
    when quadratic. The best of three runs each, so a busy machine weighs on both alike."""

    def best(arg: Any) -> float:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            fn(arg)
            times.append(time.perf_counter() - start)
        return min(times)

    return best(large) / best(small)
