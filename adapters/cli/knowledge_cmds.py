"""`mentor ingest` and `mentor ask`: the knowledge-base commands."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from adapters.settings import load_settings
from adapters.wiring import build_index
from knowledge.ingest import Ingestor, discover


def ingest(paths: list[Path] = typer.Argument(..., help="Files or folders (Markdown, text, HTML, PDF, DOCX)."),
           prune: bool = typer.Option(False, "--prune", help="Remove indexed documents whose files are gone "
                                      "(the paths given are then the whole knowledge base).")) -> None:
    """Index documents incrementally; unchanged files are skipped, changed ones replaced atomically."""
    console = Console(stderr=True)
    from adapters.audience_tags import known_audience_tags
    from adapters.channels import make_channel_engine

    settings = load_settings()
    index = build_index(settings)
    known = known_audience_tags(make_channel_engine(settings))
    if known is None:
        console.print("[yellow]audience tags not checked against HR records (no organisation loaded)[/yellow]",
                      highlight=False)
    total = len(discover(paths)[0])
    with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                  TimeElapsedColumn(), console=console, disable=total < 5 or not console.is_terminal) as bar:
        task = bar.add_task("", total=total)
        report = Ingestor(index, known_audience=known).ingest(paths, prune=prune,
                                        progress=lambda name: bar.update(task, advance=1, description=name[-50:]))
    for failure in report.failed:
        console.print(f"[red]failed[/red] {failure.path}: {failure.reason}", highlight=False)
    console.print(f"added {len(report.added)}, updated {len(report.updated)}, unchanged {len(report.unchanged)}, "
                  f"removed {len(report.removed)}, failed {len(report.failed)}; {report.chunks} chunks; "
                  f"{report.seconds:.1f} s", highlight=False)
    if report.vectors_restored:
        console.print(f"re-embedded {report.vectors_restored} chunks of unchanged files that had no vector "
                      f"for the current embedder", highlight=False)
    index.close()
    if not report.ok:
        raise typer.Exit(code=1)


def ask(question: str = typer.Argument(..., help="A question in Chinese or English."),
        as_employee: str = typer.Option(None, "--as", help="Employee id: answers use what this person may see."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON instead of text.")) -> None:
    """One mentor turn as this employee (tools, LLM or offline); without --as, the public cited answer."""
    from adapters.cli.bot_cmds import ask_turn

    result = ask_turn(load_settings(), question, as_employee)
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(result["answer"] + "\n")


def register(app: typer.Typer) -> None:
    """Attach the knowledge commands to the root CLI."""
    app.command()(ingest)
    app.command()(ask)
