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
    base_url: str = typer.Option(None, "--base-url", help="LLM mode: an OpenAI-compatible /v1 URL (else offline)."),
    model: str = typer.Option("gpt-4o-mini", "--model", help="LLM mode: the model name to send."),
    api_key: str = typer.Option("not-needed", "--api-key", envvar="MENTOR_LLM_API_KEY", help="LLM mode: API key."),
    tool_mode: str = typer.Option("agent", "--tool-mode", help="LLM mode: agent (model picks tools) or routed."),
    timeout_s: float = typer.Option(300.0, "--timeout-s", help="LLM mode: seconds per model call before falling back."),
    ids: str = typer.Option(None, "--ids", help="Only these script ids, comma-separated (a documented subset)."),
) -> None:
    """Share of conversations in which every turn is right (act, subject, key text, language, abstention)."""
    from eval.conversations.runner import run_scripts
    from eval.conversations.scripts import ScriptError, load_scripts
    from eval.conversations.world import sample_worlds

    try:
        loaded = load_scripts(scripts)
    except ScriptError as exc:
        raise typer.BadParameter(str(exc), param_hint="--scripts") from None
    if ids:
        wanted = [i.strip() for i in ids.split(",") if i.strip()]
        unknown = sorted(set(wanted) - {s["id"] for s in loaded})
        if unknown:
            raise typer.BadParameter(f"no script with id {', '.join(unknown)} in {scripts}", param_hint="--ids")
        loaded = [s for s in loaded if s["id"] in wanted]
    llm = _llm_mode(base_url, model, api_key, tool_mode, timeout_s) if base_url else None
    with sample_worlds() as worlds:
        result = run_scripts(loaded, worlds, llm[0]) if llm else run_scripts(loaded, worlds)
    report = shown(result, scripts, misses or bool(llm))
    name = scripts.stem
    if llm:
        report.update(mode="llm", base_url=base_url, model=model, tool_mode=tool_mode, ids=ids, llm_turns=llm[1].turns)
        name = "llm_" + "".join(c if c.isalnum() or c in ".-" else "-" for c in model) + f"_{tool_mode}"
    target = out or RESULTS / f"conversations_{name}.json"
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


def _llm_mode(base_url: str, model: str, api_key: str, tool_mode: str, timeout_s: float):
    """(make_service, observed turns) for LLM mode, after checking the server answers and the mode is known."""
    from eval.llm_protocol import ObservedTurns, conversation_service, require_endpoint

    if tool_mode not in ("agent", "routed"):
        raise typer.BadParameter("use agent or routed", param_hint="--tool-mode")
    try:
        require_endpoint(base_url, api_key)
    except RuntimeError as exc:
        raise typer.BadParameter(str(exc), param_hint="--base-url") from None
    observed = ObservedTurns()
    return conversation_service(base_url, model, api_key, timeout_s, tool_mode, observed), observed


def shown(result: dict, scripts: Path, misses: bool) -> dict:
    """The summary, plus the wrong conversations turn by turn when asked (never the right ones' full text)."""
    report = {"scripts": scripts.name, "mode": "offline", **{k: v for k, v in result.items() if k != "detail"}}
    report["wrong"] = [c["id"] for c in result["detail"] if not c["ok"]]
    if misses:
        report["misses"] = [c for c in result["detail"] if not c["ok"]]
    return report
