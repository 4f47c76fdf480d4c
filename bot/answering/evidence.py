"""The measurable evidence that the chosen sentences answer the question, gathered once per question.

Raw cosines depend on the corpus (the same question scores higher against a small, uniform policy set than against
long statutes), so abstention reads mostly corpus-relative signals: how much of the question the quoted sentences
cover (lexicon translations included), whether they hold the kind of value asked for, whether keyword and dense
retrieval agree on the document, and how far the nearest chunk stands out from the rest."""

from __future__ import annotations

from collections.abc import Sequence

from bot.answering.answer_type import AnswerType
from bot.answering.compose import Pick
from bot.answering.coverage import QuestionCoverage
from retrieval.types import Audience

AGREEMENT_DEPTH = 3  # the quoted document counts as agreed on when both retrievers have it this high


def measure(index, question: str, language: str, coverage: QuestionCoverage, answer_type: AnswerType,
            picks: Sequence[Pick], profile: Sequence[float], audience: Audience | None) -> dict[str, float]:
    """Signals for the abstention decision (all but `top` and `best` are on a 0..1 scale whatever the corpus)."""
    signals: dict[str, float] = {"unseen": coverage.unseen_share(), "wants_value": float(answer_type.wants_value),
                                 "strict_value": float(answer_type.strict)}
    if profile:
        signals["top"] = profile[0]
        signals["margin"] = profile[0] - sum(profile) / len(profile)
    if not picks:
        return signals
    best = picks[0] if len(picks) == 1 else max(picks, key=lambda p: p.score)
    passage = best.passage
    quoted = " ".join(f"{p.passage.heading} {p.sentence}" for p in picks)
    signals["best"] = best.score
    signals["cover_quote"] = coverage.of(quoted, passage.language)
    signals["cover_passage"] = coverage.of(f"{passage.title} {passage.heading} {passage.text}", passage.language)
    signals["value"] = float(not answer_type.wants_value or any(answer_type.offers(p.sentence) for p in picks))
    signals["cross"] = float(passage.language != language)
    signals["agree"] = float(_agreement(index, question, passage.source, audience))
    return signals


def _agreement(index, question: str, source: str, audience: Audience | None) -> bool:
    """Keyword and dense retrieval both rank the quoted document near the top."""
    for mode in ("bm25", "dense"):
        found = index.search(question, audience=audience, k=AGREEMENT_DEPTH, mode=mode)
        if source not in {p.source for p in found}:
            return False
    return True
