"""`mentor eval answers`: answer hit rate, citation precision, abstain precision and recall, overall and per slice."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bot.answering.extractive import GroundedAnswer, answer_question
from eval.questions import GoldQuestion
from retrieval.types import Audience


def _normalise(text: str) -> str:
    """Compare answers ignoring case and whitespace."""
    return re.sub(r"\s+", "", text).lower()


def answer_body(text: str) -> str:
    """The quoted part of a reply (before the source list), where an expected answer must appear to count."""
    return text.split("\n\n")[0]


@dataclass
class Outcome:
    """How one question went: abstained or not, answer found or not, citations right or not."""

    id: str
    expect: str
    abstained: bool
    hit: bool | None  # None when the question has no expected answer text or should abstain
    cited: int
    cited_correct: int
    slices: list[str] = field(default_factory=list)
    problem: str | None = None
    on_point: int = 0  # cited passages whose text holds an expected answer (counted on hits only)


def score_one(question: GoldQuestion, result: GroundedAnswer) -> Outcome:
    """Judge one reply against its gold labels."""
    outcome = Outcome(question.id, question.expect, result.abstained, None, 0, 0, question.slices())
    if result.abstained:
        if question.expect == "answer":
            outcome.problem = "abstained on an answerable question"
            outcome.hit = False if question.answers else None
        return outcome
    if question.expect == "abstain":
        outcome.problem = "answered an unanswerable question"
        return outcome
    gold = set(question.gold_sources)
    outcome.cited = len(result.citations)
    outcome.cited_correct = sum(1 for c in result.citations if c.source in gold)
    if question.answers:
        body = _normalise(answer_body(result.text))
        outcome.hit = any(_normalise(a) in body for a in question.answers)
        if outcome.hit:
            outcome.on_point = sum(1 for c in result.citations
                                   if any(_normalise(a) in _normalise(c.text) for a in question.answers))
        if not outcome.hit:
            outcome.problem = "expected answer text not in the reply"
    return outcome


def summarise(outcomes: Sequence[Outcome]) -> dict:
    """The four answer metrics over a group of outcomes."""
    with_text = [o for o in outcomes if o.hit is not None]
    abstained = [o for o in outcomes if o.abstained]
    should = [o for o in outcomes if o.expect == "abstain"]
    cited = sum(o.cited for o in outcomes)
    hits = [o for o in with_text if o.hit]
    return {
        "answer_hit_rate": _share(sum(1 for o in with_text if o.hit), len(with_text)),
        "citation_precision": _share(sum(o.cited_correct for o in outcomes), cited),
        # passage-level: of the passages a right answer cites, the share that hold the answer (an extra section of
        # the right document tagged along lowers this, not citation_precision)
        "on_point_passages": _share(sum(o.on_point for o in hits), sum(o.cited for o in hits)),
        "abstain_precision": _share(sum(1 for o in abstained if o.expect == "abstain"), len(abstained)),
        "abstain_recall": _share(sum(1 for o in should if o.abstained), len(should)),
        "questions": len(outcomes), "abstained": len(abstained), "should_abstain": len(should),
    }


def _share(part: int, whole: int) -> float | None:
    """A rounded ratio, or None when nothing was there to count (no abstentions, no citations, ...)."""
    return round(part / whole, 4) if whole else None


def by_slice(outcomes: Sequence[Outcome]) -> dict[str, dict]:
    """The metrics for every slice any question is in (lang=zh, cross_lingual=true, expect=abstain, ...)."""
    names = sorted({name for o in outcomes for name in o.slices})
    return {name: summarise([o for o in outcomes if name in o.slices]) for name in names}


Answerer = Callable[[object, str, Audience], GroundedAnswer]


def evaluate_answers(index, questions: Sequence[GoldQuestion], audience: Audience | None = None,
                     answerer: Answerer | None = None, per_question: bool = False) -> dict:
    """Run the answerer (the offline one by default) on every question and score it against the gold labels."""
    audience = audience or Audience.of("all")
    answerer = answerer or (lambda idx, text, reader: answer_question(idx, text, reader))
    outcomes = [score_one(q, answerer(index, q.question, q.reader(audience))) for q in questions]
    result = summarise(outcomes)
    result["slices"] = by_slice(outcomes)
    result["failures"] = [{"id": o.id, "problem": o.problem} for o in outcomes if o.problem]
    if per_question:
        result["per_question"] = [o.__dict__ for o in outcomes]
    return result
