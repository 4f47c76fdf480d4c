"""`mentor eval answers`: answer hit rate, citation precision, abstain precision and recall."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.answering.extractive import answer_question
from eval.questions import GoldQuestion
from retrieval.types import Audience


def _normalise(text: str) -> str:
    """Compare answers ignoring case and whitespace."""
    return re.sub(r"\s+", "", text).lower()


def evaluate_answers(index, questions: Sequence[GoldQuestion], audience: Audience | None = None) -> dict:
    """Run the offline answerer on every question and score it against the gold labels."""
    audience = audience or Audience.of("all")
    answer_hits = answered_with_expectations = 0
    cited = cited_correct = 0
    abstained = abstained_correct = should_abstain = 0
    failures: list[dict] = []
    for question in questions:
        result = answer_question(index, question.question, question.reader(audience))
        if question.expect == "abstain":
            should_abstain += 1
        if result.abstained:
            abstained += 1
            if question.expect == "abstain":
                abstained_correct += 1
            else:
                failures.append({"id": question.id, "problem": "abstained on an answerable question"})
            continue
        if question.expect == "abstain":
            failures.append({"id": question.id, "problem": "answered an unanswerable question"})
            continue
        gold = set(question.gold_sources)
        cited += len(result.citations)
        cited_correct += sum(1 for c in result.citations if c.source in gold)
        if question.answers:
            answered_with_expectations += 1
            body = _normalise(result.text.split("\n\n")[0])  # the quoted sentences, not the source list
            if any(_normalise(a) in body for a in question.answers):
                answer_hits += 1
            else:
                failures.append({"id": question.id, "problem": "expected answer text not in the reply"})
    answerable_with_text = sum(1 for q in questions if q.expect == "answer" and q.answers)
    return {
        "answer_hit_rate": round(answer_hits / max(answerable_with_text, 1), 4),
        "citation_precision": round(cited_correct / max(cited, 1), 4),
        "abstain_precision": round(abstained_correct / max(abstained, 1), 4),
        "abstain_recall": round(abstained_correct / max(should_abstain, 1), 4),
        "questions": len(questions), "abstained": abstained, "should_abstain": should_abstain,
        "failures": failures,
    }

