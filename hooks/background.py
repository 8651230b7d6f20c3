"""One worker process for the Typst work of a build.

MkDocs renders pages in Python on one core; the flyers are made at the same time on the other,
in a process of their own so that neither waits for the other's interpreter lock. One process
means one Typst compiler, and the memory of one.
"""

from __future__ import annotations

import multiprocessing
import site
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any


class WorkerError(RuntimeError):
    """The worker process died (killed, out of memory) before it answered."""


_BROKEN = (
    "the flyer worker process stopped unexpectedly (out of memory, or killed).\n"
    "fix: build again; when MkDocs runs from a Python script of your own, put the build "
    'under `if __name__ == "__main__":`, which a worker process needs'
)


class Background:
    def __init__(self, module_dir: Path) -> None:
        self._module_dir = module_dir
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[tuple[Any, Future[Any]]] = []

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # "spawn": a fresh interpreter, not a copy of this one, so it holds only what the
            # flyers need. It finds the hook modules through the folder added at start-up.
            self._pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=site.addsitedir,
                initargs=(str(self._module_dir),),
            )
        return self._pool

    def submit(self, tag: Any, fn: Callable[..., Any], /, **kwargs: Any) -> None:
        """Queue `fn(**kwargs)` in the worker; its result comes back from `results()`."""
        self._futures.append((tag, self._submit(fn, kwargs)))

    def _submit(self, fn: Callable[..., Any], kwargs: dict[str, Any]) -> Future[Any]:
        try:
            return self._executor().submit(fn, **kwargs)
        except RuntimeError as err:  # BrokenProcessPool, or submitting after shutdown
            self.close()
            raise WorkerError(_BROKEN) from err

    def results(self) -> list[tuple[Any, Any]]:
        """Wait for every queued job, in submission order; the first failure is raised."""
        futures, self._futures = self._futures, []
        return [(tag, self._wait(future)) for tag, future in futures]

    def _wait(self, future: Future[Any]) -> Any:
        try:
            return future.result()
        except Exception as err:
            if type(err).__name__ == "BrokenProcessPool":
                self.close()
                raise WorkerError(_BROKEN) from None
            raise

    def cancel(self) -> None:
        """Drop queued work (a failed build) so the next build starts clean."""
        for _, future in self._futures:
            future.cancel()
        for _, future in self._futures:
            if not future.cancelled():
                future.exception()
        self._futures = []

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._futures = []
