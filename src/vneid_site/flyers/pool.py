"""The worker process that does the Typst work of a build.

MkDocs renders pages in Python on one core; the flyers are made at the same time on another,
in a process of their own so that neither waits for the other's interpreter lock. The pool
lives as long as the MkDocs process, so `mkdocs serve` keeps its compiler between rebuilds;
nothing else outlives a build.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from vneid_site.errors import SiteError


class WorkerError(SiteError):
    """The worker process died (killed, out of memory) before it answered."""


_BROKEN = (
    "the flyer worker process stopped unexpectedly (out of memory, or killed).\n"
    "fix: build again; when MkDocs runs from a Python script of your own, put the build "
    'under `if __name__ == "__main__":`, which a worker process needs'
)


def _watch_parent(parent: int) -> None:
    # A MkDocs process killed outright (SIGTERM to `mkdocs serve`) cannot stop its worker:
    # the worker notices it has been orphaned and leaves.
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


def _leave_at_once() -> None:
    # Everything a worker makes is written and answered by the time it is told to stop: it
    # leaves without freeing its Typst compiler and PDFs object by object, which the MkDocs
    # process would wait for at the end of every build that started it.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _start_worker(parent: int) -> None:
    threading.Thread(target=_watch_parent, args=(parent,), name="parent-watch", daemon=True).start()
    atexit.register(_leave_at_once)


class WorkerPool:
    def __init__(self, workers: int = 1) -> None:
        self.workers = workers
        self._pool: Any = None  # a ProcessPoolExecutor, once a job needs one
        self._lock = threading.Lock()
        self._warm: Future[Any] | None = None  # the first call, answered once a worker is up

    def resize(self, workers: int) -> None:
        """Use `workers` processes from the next job on (the settings may change in serve)."""
        if workers != self.workers:
            self.close()
            self.workers = workers

    def _executor(self) -> Any:
        if self._pool is None:
            # Imported here: most warm builds never start a worker.
            from concurrent.futures import ProcessPoolExecutor

            # "spawn": a fresh interpreter, not a copy of this one, so it holds only what the
            # flyers need.
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(os.getpid(),),
            )
        return self._pool

    def warm(self, fn: Callable[[], Any]) -> None:
        """Start the worker, if none is, with `fn` as its first call (imports, say), so that a
        job sent once it has answered (`ready`) finds it started."""
        if self._warm is None:
            self._warm = self.submit(fn)

    def ready(self) -> bool:
        """Whether the worker has answered `warm`: a job sent now starts at once."""
        return self._warm is not None and self._warm.done()

    def submit(self, fn: Callable[..., Any], /, **kwargs: Any) -> Future[Any]:
        """Run `fn(**kwargs)` in the worker."""
        try:
            with self._lock:
                return self._executor().submit(fn, **kwargs)
        except RuntimeError as err:  # BrokenProcessPool, or submitting after shutdown
            self.close()
            raise WorkerError(_BROKEN) from err

    def result(self, future: Future[Any]) -> Any:
        """The result of a job; a dead worker becomes a WorkerError, and the next build
        starts a new one."""
        try:
            return future.result()
        except Exception as err:
            if type(err).__name__ == "BrokenProcessPool":
                self.close()
                raise WorkerError(_BROKEN) from None
            raise

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None
            self._warm = None
