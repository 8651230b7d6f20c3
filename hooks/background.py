"""One background worker thread for the Typst work of a build.

Typst releases the GIL while it compiles, so flyers are made on the second core while MkDocs
renders pages on the first. One thread means one compiler: the memory of a single Typst
instance, not one per process.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any


class Background:
    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._futures: list[tuple[Any, Future[Any]]] = []

    def submit(self, tag: Any, fn: Callable[..., Any], /, **kwargs: Any) -> None:
        """Queue `fn(**kwargs)`; its result comes back from `results()` with `tag`."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="typst")
        self._futures.append((tag, self._pool.submit(fn, **kwargs)))

    def run(self, fn: Callable[..., Any], /, **kwargs: Any) -> Any:
        """Run `fn` on the worker thread (where the compiler lives) and wait for it."""
        self.submit(None, fn, **kwargs)
        _, future = self._futures.pop()
        return future.result()

    def results(self) -> list[tuple[Any, Any]]:
        """Wait for every queued job, in submission order; the first failure is raised."""
        futures, self._futures = self._futures, []
        done = []
        for tag, future in futures:
            done.append((tag, future.result()))
        return done

    def cancel(self) -> None:
        """Drop queued work (a failed build) so the next build starts clean."""
        for _, future in self._futures:
            future.cancel()
        for _, future in self._futures:
            if not future.cancelled():
                future.exception()
        self._futures = []
