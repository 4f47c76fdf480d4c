"""The Redis-backed queue: arq, so several API processes and `mentor worker`s share one queue.

Why arq: it is asyncio-native like FastAPI and uvicorn, already pinned with redis-py, has job ids that
make an enqueue idempotent (`_job_id`), retries, deferred jobs (for reminders) and a tiny worker; RQ and
Celery are sync/fork-based and heavier, Dramatiq needs its own broker layer. The API only enqueues;
the job itself runs in a `mentor worker` process through the same JobRegistry as the in-process queue.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import Any

log = logging.getLogger(__name__)

RUN_JOB = "run_job"


def queue_name(prefix: str) -> str:
    """One arq queue per deployment prefix, so tests and environments sharing a Redis never mix."""
    return f"{prefix}arq:queue"


class ArqQueue:
    """Enqueue from synchronous code (bolt listeners, FastAPI sync routes) onto arq through a private event loop."""

    def __init__(self, redis_url: str, prefix: str = "mentor:", timeout_s: float = 5.0) -> None:
        """Nothing connects until the first enqueue."""
        self._redis_url = redis_url
        self._queue = queue_name(prefix)
        self._timeout = timeout_s
        self._loop: asyncio.AbstractEventLoop | None = None
        self._pool = None
        self._lock = threading.Lock()

    def _ensure_started(self) -> asyncio.AbstractEventLoop:
        """Start the loop thread and the arq pool once."""
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                threading.Thread(target=loop.run_forever, name="mentor-arq", daemon=True).start()
                try:
                    self._pool = asyncio.run_coroutine_threadsafe(self._connect(), loop).result(self._timeout)
                except BaseException:  # Redis down: stop this loop's thread, the next enqueue starts afresh
                    loop.call_soon_threadsafe(loop.stop)
                    raise
                self._loop = loop
            return self._loop

    async def _connect(self):
        """Open the arq pool on the private loop."""
        from arq import create_pool
        from arq.connections import RedisSettings

        return await create_pool(RedisSettings.from_dsn(self._redis_url), default_queue_name=self._queue)

    def enqueue(self, job: str, payload: dict[str, Any], job_id: str | None = None) -> None:
        """Hand the job to Redis; the same job_id twice is a no-op (arq keeps job ids unique)."""
        loop = self._ensure_started()
        coro = self._pool.enqueue_job(RUN_JOB, job, payload, _job_id=job_id)
        result = asyncio.run_coroutine_threadsafe(coro, loop).result(self._timeout)
        if result is None:
            log.info("job %s already queued, skipped", job_id)

    def close(self) -> None:
        """Close the pool and stop the loop thread."""
        if self._loop is None:
            return
        asyncio.run_coroutine_threadsafe(self._pool.aclose(), self._loop).result(self._timeout)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._loop = None
