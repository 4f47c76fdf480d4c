"""Run a query's second embedding (its lexicon translation) on another core while this thread embeds the query.

Why: a hybrid query embeds two texts, and the embedding is most of its CPU time (eval/results/query_under_load.json).
The engine releases the GIL and each call keeps to one native thread, so two calls on two threads take the time
of one on an idle 2-core machine, and beside busy processes the query holds two of the scheduler's shares instead
of one. Work is only handed over when a helper thread is free: it never waits in a queue behind other queries.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any


class SpareCore:
    """At most `workers` helper threads; `try_submit` returns None (do it yourself) when none is free."""

    def __init__(self, workers: int | None = None) -> None:
        """Default: one helper per core beyond the first; none on a single core."""
        self.workers = max(0, (os.cpu_count() or 1) - 1) if workers is None else max(0, workers)
        self._slots = threading.BoundedSemaphore(self.workers) if self.workers else None
        self._pool: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()

    def try_submit(self, fn: Callable[..., Any], *args: Any) -> Future | None:
        """Start fn(*args) on a free helper thread, or None when every helper is busy (or there are none)."""
        if self._slots is None or not self._slots.acquire(blocking=False):
            return None
        try:
            future = self._executor().submit(fn, *args)
        except RuntimeError:  # shut down (the index is closing): the caller does the work itself
            self._slots.release()
            return None
        future.add_done_callback(lambda _: self._slots.release())
        return future

    def _executor(self) -> ThreadPoolExecutor:
        """The helper threads, started on first use (a process that never searches starts none)."""
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="mentor-query-embed")
            return self._pool

    def close(self) -> None:
        """Stop the helper threads (after the work already handed over)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True)
