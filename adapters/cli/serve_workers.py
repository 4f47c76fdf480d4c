"""`mentor serve --workers N`: N uvicorn worker processes on one port, each building its own services.

Why processes: a chat turn is Python work that holds the GIL, so one process uses one core; N processes use N.
Each worker builds everything itself from the environment (uvicorn spawns them and imports `worker_app`), and
inherits MENTOR_EMBED_THREADS's thread limits from the parent's environment.
"""

from __future__ import annotations

import fcntl
import logging
import os

import typer

from adapters.settings import Settings

log = logging.getLogger(__name__)

SERVICES_VARIABLE = "MENTOR_SERVE_SERVICES"  # how the parent tells its workers which services factory to use
DEFAULT_SERVICES = "adapters.channels:default_backends"
_held_locks: list = []  # the reminder lock stays open for the life of the worker that won it


def serve_workers(settings: Settings, host: str, port: int, services: str, workers: int) -> None:
    """Run uvicorn's process supervisor; refuse a set-up whose processes would not see each other's writes."""
    import uvicorn

    if services == DEFAULT_SERVICES and not settings.retrieval.chroma_url:
        raise typer.BadParameter("--workers above 1 needs a Chroma server: embedded Chroma belongs to one process, "
                                 "and other processes would not see new documents. Start one with `chroma run "
                                 "--path DIR --port 8001` and set MENTOR_CHROMA_URL=http://127.0.0.1:8001 "
                                 "(deploy/local.sh does all of this)", param_hint="--workers")
    os.environ[SERVICES_VARIABLE] = services
    typer.echo(f"{workers} API processes on http://{host}:{port}/")
    uvicorn.run("adapters.cli.serve_workers:worker_app", factory=True, host=host, port=port, workers=workers,
                log_level="info")


def worker_app():
    """In one worker process: settings, services, channels and the app; the channels close when it stops."""
    from contextlib import asynccontextmanager

    from adapters.api.app import create_app
    from adapters.cli.channel_cmds import _build, _settings

    settings = _settings()
    if not settings.redis_url and not _won_reminder_lock(settings):
        settings.api.reminder_interval_s = 0  # in-process reminders: one worker sends them, not N
    channels = _build(os.environ.get(SERVICES_VARIABLE, DEFAULT_SERVICES), settings)
    app = create_app(settings, channels)
    inner = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(running_app):
        """The app's own start/stop, then close what this worker built."""
        async with inner(running_app) as state:
            yield state
        channels.close()

    app.router.lifespan_context = lifespan
    log.info("API worker %s ready", os.getpid())
    return app


def _won_reminder_lock(settings: Settings) -> bool:
    """True for the one worker that holds MENTOR_HOME/serve-reminders.lock (a non-blocking file lock)."""
    settings.home.mkdir(parents=True, exist_ok=True)
    handle = (settings.home / "serve-reminders.lock").open("w")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return False
    _held_locks.append(handle)
    return True
