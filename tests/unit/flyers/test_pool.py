"""The worker pool: jobs in another process, a job that waits for others, failures."""

from __future__ import annotations

import os
from concurrent.futures import Future

import pytest

from vneid_site.flyers.pool import WorkerError, WorkerPool


@pytest.fixture(scope="module")
def pool():
    pool = WorkerPool()
    yield pool
    pool.close()


def test_jobs_run_in_another_process(pool):
    assert pool.result(pool.submit(os.getpid)) != os.getpid()


def test_after_runs_a_job_made_from_the_results_of_others(pool):
    parts = [pool.submit(str, object=n) for n in range(5)]
    joined = pool.after(parts, lambda results: (_join, {"items": results}))
    assert pool.result(joined) == "0-1-2-3-4"
    assert pool.result(pool.after([], lambda results: (_join, {"items": results}))) == ""


def test_a_failed_job_fails_the_job_that_waits_for_it_without_starting_it(pool):
    started: list[list] = []

    def job(results):
        started.append(results)
        return _join, {"items": results}

    failing = pool.submit(_fail, message="not a number")
    waiting = pool.after([pool.submit(str, object=1), failing], job)
    with pytest.raises(ValueError):
        pool.result(waiting)
    assert started == []


def test_a_cancelled_wait_never_starts(pool):
    blocker: Future = Future()
    waiting = pool.after([blocker], lambda results: (_join, {"items": results}))
    assert waiting.cancel()
    blocker.set_result("x")
    assert waiting.cancelled()


def test_a_dead_worker_is_reported_and_replaced():
    pool = WorkerPool()
    try:
        with pytest.raises(WorkerError, match="stopped unexpectedly"):
            pool.result(pool.submit(_die))
        assert pool.result(pool.submit(os.getpid)) != os.getpid()  # a new worker
    finally:
        pool.close()


def _join(items: list) -> str:
    return "-".join(items)


def _fail(message: str) -> None:
    raise ValueError(message)


def _die() -> None:
    os._exit(1)  # as the kernel's out-of-memory killer would end it
