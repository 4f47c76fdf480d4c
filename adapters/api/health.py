"""`/health` (the process is up) and `/ready` (the database, Redis and a worker to run acknowledged work answer)."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

log = logging.getLogger(__name__)


def check_database(engine) -> str:
    """'ok' or the error class name."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return "ok"
    except Exception as error:  # readiness reports, never raises
        log.warning("readiness: database check failed: %s", type(error).__name__)
        return type(error).__name__


def check_redis(url: str | None) -> str:
    """'ok', 'not configured', or the error class name."""
    if not url:
        return "not configured"
    try:
        import redis

        client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        try:
            client.ping()
        finally:
            client.close()
        return "ok"
    except Exception as error:
        log.warning("readiness: redis check failed: %s", type(error).__name__)
        return type(error).__name__


def check_worker(url: str | None, prefix: str) -> str:
    """With Redis: 'ok' while some `mentor worker` refreshed its arq health key recently (informational)."""
    if not url:
        return "in-process"
    try:
        import redis

        from adapters.worker.arq_queue import queue_name

        client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        try:
            alive = client.exists(queue_name(prefix) + ":health-check")
        finally:
            client.close()
        return "ok" if alive else "no worker seen: start `mentor worker`"
    except Exception as error:
        return type(error).__name__


def health_router() -> APIRouter:
    """No auth: load balancers and the demo script poll these."""
    router = APIRouter(tags=["health"])

    @router.get("/health", summary="Liveness: answers as soon as the process serves HTTP")
    def health() -> dict:
        """Always ok while the process runs."""
        return {"status": "ok"}

    @router.get("/ready", summary="Readiness: database (and Redis, when configured) reachable")
    def ready(request: Request) -> JSONResponse:
        """503 until every dependency answers."""
        channels = request.app.state.channels
        settings = channels.settings
        checks = {"database": check_database(channels.engine), "redis": check_redis(settings.redis_url)}
        # work acknowledged here must be run by someone: a `mentor worker` alive on Redis, or the in-process pool
        worker = check_worker(settings.redis_url, settings.api.redis_prefix)
        if worker == "in-process":
            health = getattr(channels.queue, "health", None)
            worker = "in-process" if health is None or health() == "ok" else f"in-process: {health()}"
        checks["worker"] = worker
        ok = all(v in ("ok", "not configured", "in-process") for v in checks.values())
        return JSONResponse({"status": "ready" if ok else "not ready", "checks": checks, "worker": worker,
                             "channels": channels.status}, status_code=200 if ok else 503)

    return router
