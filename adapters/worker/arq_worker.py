"""`mentor worker`: an arq worker that runs the same jobs as the in-process queue, taken from Redis."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

from adapters.worker.arq_queue import RUN_JOB, queue_name
from adapters.worker.queue import REMINDERS_JOB, JobRegistry

log = logging.getLogger(__name__)

HEALTH_CHECK_S = 30  # the worker refreshes `<queue>:health-check` this often; /ready reports whether one is alive
MAX_BACKOFF_S = 30.0
HEALTHY_RUN_S = 60.0  # a worker that ran this long before Redis dropped starts its backoff again from 1 s


def build_worker(redis_url: str, prefix: str, registry_factory: Callable[[], JobRegistry], *,
                 burst: bool = False, max_jobs: int = 10, conn_retries: int = 5):
    """An arq Worker whose single function dispatches by job name to the registry built at startup."""
    from arq import Worker

    # arq logs each job's arguments at INFO; those carry message text (HR data), so keep its logger at WARNING.
    logging.getLogger("arq.worker").setLevel(logging.WARNING)
    from arq.connections import RedisSettings
    from arq.cron import cron
    from arq.worker import func

    async def startup(ctx: dict[str, Any]) -> None:
        """Build channels and the chat service once per worker process (not at import)."""
        ctx["registry"] = await asyncio.to_thread(registry_factory)
        log.info("worker ready: jobs %s", ctx["registry"].names())

    async def run_job(ctx: dict[str, Any], name: str, payload: dict[str, Any]) -> None:
        """Jobs are synchronous (HTTP clients, DB sessions); run them off the worker's event loop."""
        log.info("job %s %s started (try %s)", name, ctx.get("job_id"), ctx.get("job_try"))
        await asyncio.to_thread(ctx["registry"].run, name, payload)
        log.info("job %s %s done", name, ctx.get("job_id"))

    async def run_reminders(ctx: dict[str, Any]) -> None:
        """Every minute (one worker wins per tick: arq cron jobs are unique): due HR reminders, when HR is wired."""
        if REMINDERS_JOB in ctx["registry"].names():
            await asyncio.to_thread(ctx["registry"].run, REMINDERS_JOB, {})

    return Worker(functions=[func(run_job, name=RUN_JOB, max_tries=3)], on_startup=startup,
                  cron_jobs=[cron(run_reminders, name=f"{prefix}reminders", second=0, unique=True)],
                  redis_settings=_redis_settings(RedisSettings, redis_url, conn_retries), queue_name=queue_name(prefix),
                  burst=burst, max_jobs=max_jobs, handle_signals=not burst, keep_result=3600,
                  health_check_interval=HEALTH_CHECK_S)


def _redis_settings(settings_class, redis_url: str, conn_retries: int):
    """arq's connection settings from the URL, with how often it retries a first connection itself."""
    settings = settings_class.from_dsn(redis_url)
    settings.conn_retries = conn_retries
    return settings


def run_worker(redis_url: str, prefix: str, registry_factory: Callable[[], JobRegistry], *, burst: bool = False,
               max_jobs: int = 10, sleep: Callable[[float], None] = time.sleep,
               should_stop: Callable[[], bool] = lambda: False, conn_retries: int = 5) -> int:
    """`mentor worker`: run until stopped; when Redis is unreachable or drops, reconnect with exponential backoff
    (1 s, 2 s ... 30 s) instead of exiting. The job registry (channels, chat service) is built once. Returns how many
    times it reconnected (tests)."""
    import redis.exceptions

    registry = registry_factory()
    delay, reconnects = 1.0, 0
    while not should_stop():
        started = time.monotonic()
        worker = build_worker(redis_url, prefix, lambda: registry, burst=burst, max_jobs=max_jobs,
                              conn_retries=conn_retries)
        try:
            worker.run()
            return reconnects  # burst done, or SIGINT/SIGTERM: a clean stop
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, ConnectionError, OSError) as error:
            if time.monotonic() - started >= HEALTHY_RUN_S:
                delay = 1.0
            log.warning("redis unreachable (%s); worker reconnecting in %.0f s", type(error).__name__, delay)
            reconnects += 1
            sleep(delay)
            delay = min(delay * 2, MAX_BACKOFF_S)
    return reconnects
