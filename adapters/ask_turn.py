"""One `mentor ask` turn for the command line and tests: offline extractive answer as JSON-ready data."""

from __future__ import annotations

from dataclasses import asdict

from adapters.settings import Settings
from adapters.wiring import build_index, reader_audience
from bot.answering.extractive import answer_question


def run_ask(settings: Settings, question: str, employee_id: str | None) -> dict:
    """Answer one question as `employee_id` would see it (public material only when no one is named)."""
    index = build_index(settings)
    try:
        answer = answer_question(index, question, reader_audience(settings, employee_id))
    finally:
        index.close()
    return {"answer": answer.text, "citations": [_citation(c) for c in answer.citations],
            "abstained": answer.abstained, "confidence": answer.confidence}


def _citation(citation) -> dict:
    data = asdict(citation)
    return {key: data[key] for key in ("n", "source", "title", "heading", "chunk_id", "text")}
