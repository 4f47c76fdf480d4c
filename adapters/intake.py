"""Accepting a platform event on the server's event loop: claim its id once, queue its job, never block the loop.

Why: an ack that hops to a thread and then to the arq client's private loop queues behind every other thread for
the GIL (measured in one API process at 50 concurrent Slack events: 240 ms per enqueue, p99 ack ~1 s, though the
work is ~1 ms of CPU). With Redis, the claim (`SET NX EX`) and the enqueue (arq) are awaited on the server's own
loop, in one Lua script; without Redis the database claim and the in-process queue run in one worker-thread hop.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Protocol

from anyio import to_thread
from arq.constants import expires_extra_ms, job_key_prefix, result_key_prefix

from adapters.dedupe import DedupeStore, RedisDedupeStore, redis_dedupe_key
from adapters.worker.arq_queue import RUN_JOB, ArqQueue, queue_name
from adapters.worker.queue import TaskQueue

log = logging.getLogger(__name__)

DUPLICATE, QUEUED, ALREADY_QUEUED = 0, 1, 2
# One round trip instead of five (SET NX, then arq's WATCH / EXISTS / MULTI PSETEX ZADD / EXEC): at 50 concurrent
# Slack events the Redis calls were the largest part of an ack's CPU. The job is written exactly as arq's
# enqueue_job writes it (same serializer, keys, expiry and score), so `mentor worker` runs it unchanged.
# KEYS: claim, arq job key, arq result key, arq queue; ARGV: claim ttl s, job expiry ms, job bytes, job id, score.
CLAIM_AND_ENQUEUE = """
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return 0 end
if redis.call('EXISTS', KEYS[2], KEYS[3]) > 0 then return 2 end
redis.call('PSETEX', KEYS[2], ARGV[2], ARGV[3])
redis.call('ZADD', KEYS[4], ARGV[5], ARGV[4])
return 1
"""


class Intake(Protocol):
    """First sighting of a key -> its job is queued; any retry, from any process -> nothing."""

    async def accept(self, key: str, job: str, payload: dict[str, Any]) -> bool:
        """Claim `key` and queue the job; False for a duplicate; raises (claim released) when it cannot queue."""
        ...

    async def seen(self, key: str) -> bool:
        """True when the key was claimed before (threads the bot answered in)."""
        ...

    async def aclose(self) -> None:
        """Release connections."""
        ...


class ThreadedIntake:
    """The synchronous stores (database dedupe, in-process queue) in one worker-thread hop per event."""

    def __init__(self, dedupe: DedupeStore, queue: TaskQueue) -> None:
        """Wrap the channel's own stores, so both paths share one claim table and one queue."""
        self._dedupe = dedupe
        self._queue = queue

    def _accept(self, key: str, job: str, payload: dict[str, Any]) -> bool:
        """Claim, then enqueue; an enqueue failure releases the claim so the platform's retry is accepted."""
        if not self._dedupe.claim(key):
            return False
        try:
            self._queue.enqueue(job, payload, job_id=key)
        except Exception:
            self._dedupe.release(key)
            raise
        return True

    async def accept(self, key: str, job: str, payload: dict[str, Any]) -> bool:
        """See Intake.accept."""
        return await to_thread.run_sync(self._accept, key, job, payload)

    async def seen(self, key: str) -> bool:
        """See Intake.seen."""
        return await to_thread.run_sync(self._dedupe.seen, key)

    async def aclose(self) -> None:
        """The stores belong to the channels, which close them."""


class RedisIntake:
    """`SET NX EX` and arq's enqueue awaited on the caller's event loop, on one async connection pool per loop."""

    def __init__(self, redis_url: str, prefix: str, ttl_s: int, timeout_s: float = 5.0) -> None:
        """Same key layout as RedisDedupeStore and ArqQueue, so the worker and socket mode see the same claims."""
        self._redis_url = redis_url
        self._prefix = prefix
        self._ttl = ttl_s
        self._timeout = timeout_s
        self._loop: asyncio.AbstractEventLoop | None = None
        self._pool: asyncio.Future | None = None
        self._script = None

    async def _redis(self):
        """The arq pool (an asyncio Redis client) of the running loop, created once per loop by the first caller."""
        loop = asyncio.get_running_loop()
        if self._loop is not loop or self._pool is None or (self._pool.done() and (self._pool.cancelled() or self._pool.exception())):
            self._loop, self._pool = loop, loop.create_task(self._connect())
        return await asyncio.shield(self._pool)

    async def _connect(self):
        """Open the pool without arq's 5 retries a second apart: an ack cannot wait that long (Slack retries)."""
        from arq import create_pool
        from arq.connections import RedisSettings

        settings = RedisSettings.from_dsn(self._redis_url)
        settings.conn_retries = 0
        settings.conn_timeout = int(self._timeout)
        return await create_pool(settings, default_queue_name=queue_name(self._prefix))

    async def accept(self, key: str, job: str, payload: dict[str, Any]) -> bool:
        """See Intake.accept."""
        return await asyncio.wait_for(self._accept(key, job, payload), self._timeout)

    async def _accept(self, key: str, job: str, payload: dict[str, Any]) -> bool:
        """Claim and enqueue in one round trip (CLAIM_AND_ENQUEUE); DEL the claim if the call fails."""
        from arq.jobs import serialize_job
        from arq.utils import timestamp_ms

        redis = await self._redis()
        if self._script is None:
            self._script = redis.register_script(CLAIM_AND_ENQUEUE)
        claim = redis_dedupe_key(self._prefix, key)
        now_ms = timestamp_ms()
        body = serialize_job(RUN_JOB, (job, payload), {}, None, now_ms)
        try:
            outcome = await self._script(keys=[claim, job_key_prefix + key, result_key_prefix + key,
                                               queue_name(self._prefix)],
                                         args=[self._ttl, expires_extra_ms, body, key, now_ms], client=redis)
        except BaseException:
            await asyncio.shield(redis.delete(claim))
            raise
        if outcome == ALREADY_QUEUED:
            log.info("job %s already queued, skipped", key)
        return outcome != DUPLICATE

    async def seen(self, key: str) -> bool:
        """See Intake.seen."""
        redis = await self._redis()
        return bool(await asyncio.wait_for(redis.exists(redis_dedupe_key(self._prefix, key)), self._timeout))

    async def aclose(self) -> None:
        """Close the pool of the running loop (a pool of another loop is dropped with it)."""
        pool, self._pool = self._pool, None
        if pool is not None and self._loop is asyncio.get_running_loop() and pool.done() and not pool.exception():
            await pool.result().aclose()


def build_intake(redis_url: str | None, prefix: str, ttl_s: int, dedupe: DedupeStore, queue: TaskQueue) -> Intake:
    """Redis on the event loop when both stores are the Redis ones (a worker is configured), else the thread hop."""
    if redis_url and isinstance(dedupe, RedisDedupeStore) and isinstance(queue, ArqQueue):
        return RedisIntake(redis_url, prefix, ttl_s)
    return ThreadedIntake(dedupe, queue)
