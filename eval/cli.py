"""`mentor eval ...`: evaluation commands (retrieval, answers, routing)."""

import typer

app = typer.Typer(help="Evaluate retrieval, answers and routing.", no_args_is_help=True)


def _register_routing() -> None:
    """`mentor eval routing`: the offline router's accuracy on the labelled utterances (bot engineer)."""
    from eval.routing.command import routing

    app.command("routing")(routing)


_register_routing()
