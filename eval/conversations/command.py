"""`mentor eval conversations`: play multi-turn scripts through the real ChatService and score whole conversations."""

from __future__ import annotations

import json
from pathlib import Path

import typer

HERE = Path(__file__).parent
RESULTS = HERE.parent / "results"


def conversations(
    scripts: Path = typer.Option(HERE / "dev.jsonl", "--scripts", help="JSONL conversation scripts (FORMAT.md)."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    misses: bool = typer.Option(False, "--misses", help="Include every conversation with a wrong turn, turn by turn."),
    out: Path = typer.Option(None, "--out", help="Where to write the result (default eval/results/conversations_<name>.json)."),
) -> None:
    """Share of conversations in which every turn is right (act, subject, key text, language, abstention)."""
    from eval.conversations.runner import run_scripts
    from eval.conversations.scripts import ScriptError, load_scripts
    from eval.conversations.world import sample_worlds

    try:
        loaded = load_scripts(scripts)
    except ScriptError as exc:
        raise typer.BadParameter(str(exc), param_hint="--scripts") from None
    with sample_worlds() as worlds:
        result = run_scripts(loaded, worlds)
    report = shown(result, scripts, misses)
    target = out or RESULTS / f"conversations_{scripts.stem}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    summary = report["conversations"]
    typer.echo(f"{scripts.name}: {summary['right']}/{summary['n']} conversations fully right ({summary['share']}); "
               f"turns {report['turns']['right']}/{report['turns']['n']}; p95 {report['turn_ms']['p95']} ms")
    for lang, row in report["by_lang"].items():
        typer.echo(f"  {lang}: {row['right']}/{row['n']}")
    for miss in report.get("misses", []):
        typer.echo(f"- {miss['id']}")
        for turn in miss["turns"]:
            mark = "ok " if turn["ok"] else "XX "
            typer.echo(f"    {mark}{turn['say'] or '[' + str(turn['press']) + ']'}  ->  {turn['got']['act']}"
                       + ("" if turn["ok"] else f"  {'; '.join(turn['failures'])}"))


def shown(result: dict, scripts: Path, misses: bool) -> dict:
    """The summary, plus the wrong conversations turn by turn when asked (never the right ones' full text)."""
    report = {"scripts": scripts.name, "mode": "offline", **{k: v for k, v in result.items() if k != "detail"}}
    report["wrong"] = [c["id"] for c in result["detail"] if not c["ok"]]
    if misses:
        report["misses"] = [c for c in result["detail"] if not c["ok"]]
    return report
