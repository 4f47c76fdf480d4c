"""The `mentor` command: builds the Typer app from each area's command module."""

from __future__ import annotations

import os
from importlib.metadata import entry_points

# Before anything that loads numpy, chromadb, torch or the e5 engine: their native thread pools read these
# variables once, at load, and every `mentor` process (serve and its workers, worker, ingest) starts here.
from retrieval.embedders.threads import BadThreadSetting, limit_native_threads

try:
    limit_native_threads()
except BadThreadSetting as bad:
    raise SystemExit(f"error: {bad}") from None

import typer  # noqa: E402

from adapters.cli import bot_cmds, channel_cmds, hr_cmds, knowledge_cmds, trend_cmds  # noqa: E402

# Each area owns one module with a `register(app)` function; add new areas here.
COMMAND_MODULES = [knowledge_cmds, hr_cmds, trend_cmds, channel_cmds, bot_cmds]


def build_app() -> typer.Typer:
    """Assemble every command group; eval plugs in through the `mentor.cli` entry point (it sits above adapters)."""
    app = typer.Typer(help="Mentor: virtual tutor and HR assistant.", no_args_is_help=True, add_completion=False)
    for module in COMMAND_MODULES:
        module.register(app)
    for entry in entry_points(group="mentor.cli"):
        app.add_typer(entry.load(), name=entry.name)
    return app


def run() -> None:
    """Console-script entry: no model hub is reachable, so never let a library try one."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    from pydantic import ValidationError

    try:
        build_app()()
    except ValidationError as bad:  # a setting from the environment or .env is wrong: say which, not a traceback
        if not bad.title.endswith("Settings"):
            raise
        problems = "; ".join(str(e.get("msg", "")).removeprefix("Value error, ") for e in bad.errors())
        raise SystemExit(f"error: invalid setting: {problems}") from None
