"""`mentor ingest` and `mentor ask`: the knowledge-base commands."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Attach the knowledge commands to the root CLI."""
