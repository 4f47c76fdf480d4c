"""`mentor serve`, `mentor slack --socket`, `mentor worker`, `mentor tokens create`: the channel commands."""

from __future__ import annotations

import importlib
import logging

import typer

tokens_app = typer.Typer(help="Per-employee API tokens for the JSON API and the web chat page.", no_args_is_help=True)

SERVICES = typer.Option("adapters.channels:default_backends", "--services",
                        help="module:function(settings) -> adapters.channels.Backends; the default wires the real "
                             "bot and HR records.")


def _settings():
    """Settings read now (never at import time); from here on no log line can show one of their secrets."""
    from adapters.log_redaction import install_redaction, settings_secrets
    from adapters.settings import load_settings

    settings = load_settings()
    install_redaction(settings_secrets(settings))
    return settings


def _load_services(spec: str, settings):
    """Import and call the services factory named on the command line."""
    module_name, _, attr = spec.partition(":")
    if not attr:
        raise typer.BadParameter("--services must look like package.module:function")
    return getattr(importlib.import_module(module_name), attr)(settings)


def _build(spec: str, settings):
    """Backends from the factory, then every configured channel around them (one engine and one set of Slack/WeCom
    clients, shared with the HR notifier)."""
    from adapters.wiring import build_channels_for

    return build_channels_for(settings, _load_services(spec, settings))


def _logging() -> None:
    """INFO logs with the logger name, so 'channel slack: not mounted (...)' is visible at start."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def serve(host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind."),
          port: int = typer.Option(8000, "--port", help="TCP port."),
          services: str = SERVICES,
          workers: int = typer.Option(1, "--workers", min=1, help="API processes sharing the port (each builds its "
                                      "own services; more than one needs MENTOR_CHROMA_URL, see deploy/README.md).")
          ) -> None:
    """Start the API, the web chat page and every configured channel (in one process, or --workers N)."""
    import uvicorn

    from adapters.api.app import create_app

    _logging()
    settings = _settings()
    if workers > 1:
        from adapters.cli.serve_workers import serve_workers

        serve_workers(settings, host, port, services, workers)
        return
    channels = _build(services, settings)
    for name, state in channels.status.items():
        typer.echo(f"{name}: {state}")
    typer.echo(f"web chat: http://{host}:{port}/   API docs: http://{host}:{port}/docs")
    try:
        uvicorn.run(create_app(settings, channels), host=host, port=port, log_level="info")
    finally:
        channels.close()


def slack(socket: bool = typer.Option(False, "--socket", help="Use Socket Mode (needs MENTOR_SLACK_APP_TOKEN)."),
          services: str = SERVICES) -> None:
    """Run the Slack bot over Socket Mode (no public URL needed); HTTP mode is part of `mentor serve`."""
    from adapters.slack.socket_mode import run_socket_mode

    if not socket:
        raise typer.BadParameter("HTTP mode runs inside `mentor serve` at /slack/events; pass --socket for Socket Mode")
    _logging()
    settings = _settings()
    if settings.slack.app_token is None:
        raise typer.BadParameter("set MENTOR_SLACK_APP_TOKEN (an xapp- app-level token) for Socket Mode")
    channels = _build(services, settings)
    if channels.slack_app is None:
        raise typer.BadParameter("Slack is " + channels.status["slack"])
    run_socket_mode(channels.slack_app, settings.slack.app_token.get_secret_value())


def worker(services: str = SERVICES,
           burst: bool = typer.Option(False, "--burst", help="Exit when the queue is empty (tests, cron).")) -> None:
    """Run background jobs (replies, reminders) taken from Redis; needs MENTOR_REDIS_URL."""
    from adapters.worker.arq_worker import run_worker

    _logging()
    settings = _settings()
    if not settings.redis_url:
        raise typer.BadParameter("set MENTOR_REDIS_URL: without Redis the worker runs inside `mentor serve`")

    def registry():
        """Build the channels (and so the job registry) inside the worker process."""
        return _build(services, settings).registry

    run_worker(settings.redis_url, settings.api.redis_prefix, registry, burst=burst)  # reconnects if Redis drops


@tokens_app.command("create")
def tokens_create(employee: str = typer.Option(..., "--employee", help="Employee id the token acts as."),
                  label: str = typer.Option("", "--label", help="A note for whoever audits tokens.")) -> None:
    """Issue an API token; it is printed once and stored only as a hash."""
    from adapters.api.tokens import TokenStore
    from adapters.wiring import build_engine

    settings = _settings()
    engine = build_engine(settings)  # migrated to the Alembic heads
    problem = _token_refusal(engine, employee)
    if problem:
        typer.echo(f"error: {problem}", err=True)
        raise typer.Exit(code=1)
    token = TokenStore(engine).create(employee, label)
    typer.echo(token)
    typer.echo(f"# shown once; web chat: http://127.0.0.1:8000/#token={token}", err=True)


@tokens_app.command("revoke")
def tokens_revoke(employee: str = typer.Option(..., "--employee", help="Employee whose tokens stop working.")) -> None:
    """Revoke every API token of one employee (offboarding, a lost laptop)."""
    from adapters.api.tokens import TokenStore
    from adapters.wiring import build_engine

    engine = build_engine(_settings())  # migrated to the Alembic heads
    typer.echo(f"revoked {TokenStore(engine).revoke_all(employee)} token(s) of {employee}")


def _token_refusal(engine, employee_id: str) -> str | None:
    """Why no token may be issued for this id (unknown, inactive, no HR records yet); None when it may."""
    from sqlalchemy.exc import SQLAlchemyError

    from hr.db import session_scope

    try:
        from hr.services.directory import employee_by_id

        with session_scope(engine) as db:
            employee = employee_by_id(db, employee_id.strip())
            active = employee is not None and getattr(employee, "active", True)
    except (ImportError, SQLAlchemyError):
        return ("the HR records cannot be read; run `mentor db upgrade` and `mentor org import DIR` first, then "
                "create the token")
    if employee is None:
        return (f"no employee {employee_id!r} in the HR records; check the id (ids are case-sensitive) or load the "
                "organisation with `mentor org import DIR`")
    if not active:
        return f"employee {employee_id!r} is marked as having left; tokens are only issued to active employees"
    return None


def register(app: typer.Typer) -> None:
    """Attach the channel commands to the root CLI."""
    app.command("serve")(serve)
    app.command("slack")(slack)
    app.command("worker")(worker)
    app.add_typer(tokens_app, name="tokens")
