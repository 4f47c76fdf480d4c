"""`mentor eval ...`: evaluation commands (retrieval, answers, routing)."""

import typer

app = typer.Typer(help="Evaluate retrieval, answers and routing.", no_args_is_help=True)
