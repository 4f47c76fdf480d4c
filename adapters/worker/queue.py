"""The task-queue port and its in-process implementation (the default: no Redis needed)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Protocol

log = logging.getLogger(__name__)

Job = Callable[[dict[str, Any]], None]
REMINDERS_JOB = "hr.run_due_jobs"  # registered by adapters.channels when an HR service is wired
INGEST_JOB = "knowledge.ingest"  # registered by adapters.channels when a knowledge index is wired


class TaskQueue(Protocol):
    """Run a named job with a JSON-ready payload later, somewhere, exactly once per job id."""

    def enqueue(self, job: str, payload: dict[str, Any], job_id: str | None = None) -> None:
        """Schedule the job and return at once."""
        ...

    def close(self) -> None:
        """Stop accepting work and release threads or connections."""
        ...


class JobRegistry:
    """Job name -> function; filled by the composition root after the channels exist (they enqueue into it)."""

    def __init__(self) -> None:
        """Start empty."""
        self._jobs: dict[str, Job] = {}

    def register(self, name: str, job: Job) -> None:
        """Make a job runnable by name (names are what cross the Redis boundary)."""
        self._jobs[name] = job

    def run(self, name: str, payload: dict[str, Any]) -> None:
        """Run one job now; an unknown name is a deployment mismatch worth a loud error."""
        if name not in self._jobs:
            raise KeyError(f"no job named {name!r}; registered: {sorted(self._jobs)}")
        self._jobs[name](payload)

    def names(self) -> list[str]:
        """Registered job names (for logs and the worker banner)."""
        return sorted(self._jobs)


class QueueFull(RuntimeError):
    """Too much work is waiting; the caller answers 5xx so the platform retries later (backpressure, not loss)."""


class InProcessQueue:
    """A bounded thread pool inside the API process: fine for one replica, and no extra service to run."""

    def __init__(self, registry: JobRegistry, threads: int = 4, max_pending: int = 10_000) -> None:
        """Threads are created lazily by the pool on first use; at most max_pending jobs may wait."""
        self._registry = registry
        self._max_pending = max_pending
        self._pool = ThreadPoolExecutor(max_workers=max(1, threads), thread_name_prefix="mentor-job")
        self._pending: set[Future] = set()
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)

    def enqueue(self, job: str, payload: dict[str, Any], job_id: str | None = None) -> None:
        """Submit to the pool; job failures are logged with the job id, never raised into the request."""
        with self._lock:
            if len(self._pending) >= self._max_pending:
                raise QueueFull(f"{len(self._pending)} jobs waiting; try again later")
            future = self._pool.submit(self._run, job, payload, job_id)
            self._pending.add(future)
        future.add_done_callback(self._done)

    def _run(self, job: str, payload: dict[str, Any], job_id: str | None) -> None:
        """Run one job and log (not raise) its failure so one bad message cannot kill the pool."""
        try:
            self._registry.run(job, payload)
        except Exception:
            log.exception("job %s (%s) failed", job, job_id)

    def _done(self, future: Future) -> None:
        """Forget a finished job and wake anyone waiting for the queue to drain."""
        with self._lock:
            self._pending.discard(future)
            if not self._pending:
                self._idle.notify_all()

    def health(self) -> str:
        """'ok', or why acknowledged work would not run now (for /ready)."""
        with self._lock:
            waiting = len(self._pending)
        if getattr(self._pool, "_shutdown", False):
            return "stopped"
        if waiting >= self._max_pending:
            return f"full ({waiting} jobs waiting)"
        return "ok"

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Block until every queued job finished (tests, graceful shutdown); False on timeout."""
        with self._lock:
            return self._idle.wait_for(lambda: not self._pending, timeout=timeout)

    def close(self) -> None:
        """Finish queued work, then stop the threads."""
        self._pool.shutdown(wait=True)
