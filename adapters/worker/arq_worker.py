"""`mentor worker`: an arq worker that runs the same jobs as the in-process queue, taken from Redis."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from adapters.worker.arq_queue import RUN_JOB, queue_name
from adapters.worker.queue import REMINDERS_JOB, JobRegistry

log = logging.getLogger(__name__)

HEALTH_CHECK_S = 30  # the worker refreshes `<queue>:health-check` this often; /ready reports whether one is alive


def build_worker(redis_url: str, prefix: str, registry_factory: Callable[[], JobRegistry], *,
                 burst: bool = False, max_jobs: int = 10):
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
                  redis_settings=RedisSettings.from_dsn(redis_url), queue_name=queue_name(prefix),
                  burst=burst, max_jobs=max_jobs, handle_signals=not burst, keep_result=3600,
                  health_check_interval=HEALTH_CHECK_S)
