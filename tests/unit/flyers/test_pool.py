"""The worker pool: jobs in other processes, failures, a dead worker, resizing."""

from __future__ import annotations

import os
import time

import pytest

from vneid_site.flyers.pool import WorkerError, WorkerPool


@pytest.fixture(scope="module")
def pool():
    pool = WorkerPool()
    yield pool
    pool.close()


def test_jobs_run_in_another_process(pool):
    assert pool.result(pool.submit(os.getpid)) != os.getpid()


def test_a_failed_job_raises_its_error_here(pool):
    with pytest.raises(ValueError, match="not a number"):
        pool.result(pool.submit(_fail, message="not a number"))


def test_resize_takes_effect_for_the_next_jobs():
    pool = WorkerPool(1)
    try:
        first = pool.result(pool.submit(os.getpid))
        pool.resize(2)
        pids = {pool.result(f) for f in [pool.submit(_slow_pid) for _ in range(4)]}
        assert first not in pids and len(pids) == 2
    finally:
        pool.close()


def test_a_dead_worker_is_reported_and_replaced():
    pool = WorkerPool()
    try:
        with pytest.raises(WorkerError, match="stopped unexpectedly"):
            pool.result(pool.submit(_die))
        assert pool.result(pool.submit(os.getpid)) != os.getpid()  # a new worker
    finally:
        pool.close()


def test_a_warmed_worker_is_ready_once_it_has_answered_its_first_call():
    pool = WorkerPool()
    try:
        assert not pool.ready()  # no worker yet
        pool.warm(_slow_pid)
        assert not pool.ready()  # started, still in its first call
        deadline = time.monotonic() + 60
        while not pool.ready() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert pool.ready()
        pool.warm(_die)  # once a worker: not called again
        assert pool.result(pool.submit(os.getpid)) != os.getpid()
        pool.close()
        assert not pool.ready()  # the next build starts a new worker
    finally:
        pool.close()


def test_a_worker_told_to_stop_leaves_without_tearing_itself_down(tmp_path):
    # Freeing a worker's compiler and PDFs one by one is time the MkDocs process waits for.
    marker = tmp_path / "torn-down"
    pool = WorkerPool()
    try:
        assert pool.result(pool.submit(_hold_until_torn_down, path=str(marker))) == "held"
    finally:
        pool.close()
    assert not marker.exists()


class _TornDown:
    def __init__(self, path: str) -> None:
        self.path = path

    # Runs when the interpreter clears its modules at exit, when `open` is gone already.
    def __del__(self, _open=os.open, _close=os.close, flags=os.O_CREAT | os.O_WRONLY) -> None:
        _close(_open(self.path, flags))


_held: list[_TornDown] = []


def _hold_until_torn_down(path: str) -> str:
    _held.append(_TornDown(path))
    return "held"


def _slow_pid() -> int:
    time.sleep(0.3)  # keep one worker busy, so that the next job goes to the other
    return os.getpid()


def _fail(message: str) -> None:
    raise ValueError(message)


def _die() -> None:
    os._exit(1)  # as the kernel's out-of-memory killer would end it
