"""The per-page time limit interrupts work that runs too long, and only that."""

from __future__ import annotations

import signal
import time

import pytest

from vneid_site.checks.time_limit import TimeLimitExceeded, time_limit


def busy(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_work_past_the_limit_is_interrupted_and_the_timer_is_restored():
    before = signal.getsignal(signal.SIGPROF)
    start = time.process_time()
    with pytest.raises(TimeLimitExceeded), time_limit(0.05):
        busy(30)
    assert time.process_time() - start < 29  # interrupted, not run to its end
    assert signal.getsignal(signal.SIGPROF) == before
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_work_inside_the_limit_and_no_limit_run_to_the_end():
    with time_limit(30):
        busy(0.01)
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    with time_limit(None):
        busy(0.01)
