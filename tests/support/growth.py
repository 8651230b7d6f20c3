"""How a function's cost grows with its input, for tests that must fail on quadratic time and
never on a slow machine: the same function on N and 4N, compared in the same test."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def growth(fn: Callable[[Any], object], small: Any, large: Any) -> float:
    """How much longer `fn` takes on `large` (four times `small`): about 4 when linear, 16
    when quadratic. CPU time of this process (time spent waiting for a busy machine's cores
    does not count), the best of three runs each, so the noise that is left weighs on both
    alike."""

    def best(arg: Any) -> float:
        times = []
        for _ in range(3):
            start = time.process_time()
            fn(arg)
            times.append(time.process_time() - start)
        return min(times)

    return best(large) / best(small)
