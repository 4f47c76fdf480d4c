"""The measurable evidence that the chosen sentences answer the question, gathered once per question.

Raw cosines depend on the corpus (the same question scores higher against a small, uniform policy set than against
long statutes), so these are mostly corpus-relative: how much of the question the quoted sentences cover (lexicon
translations included), whether they hold the kind of value asked for, whether the quote is in the other language,
and how far the nearest chunk stands out from the rest. (Keyword/dense agreement on the quoted document was measured
too, dev AUC 0.58 / 0.57, and dropped: two more searches per question for a signal that decided nothing.)"""

from __future__ import annotations

from collections.abc import Sequence

from bot.answering.answer_type import AnswerType
from bot.answering.compose import Pick
from bot.answering.coverage import QuestionCoverage


def measure(language: str, coverage: QuestionCoverage, answer_type: AnswerType, picks: Sequence[Pick],
            profile: Sequence[float]) -> dict[str, float]:
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
    return signals
