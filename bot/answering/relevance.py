"""Is a passage about the question? Dense similarity plus IDF-weighted coverage of the question's terms."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from retrieval.types import Passage


@dataclass(frozen=True)
class RelevancePolicy:
    """Thresholds for answering; calibrated on the gold sets (see eval/results/answers_*.json)."""

    min_dense: float = 0.86  # e5 cosine below this is off-topic whatever the words say
    min_coverage: float = 0.45  # share of the question's (IDF-weighted) terms found in the passage
    strong_dense: float = 0.90  # dense similarity this high answers even with paraphrased wording
    strong_coverage: float = 0.75  # term coverage this high answers even when dense is unsure
    keep_ratio: float = 0.85  # further passages are cited only if their relevance is close to the best


@dataclass(frozen=True)
class ScoredPassage:
    """A passage with the evidence for using it."""

    passage: Passage
    dense: float
    coverage: float

    @property
    def relevance(self) -> float:
        """One number to rank and compare passages."""
        return 0.5 * self.dense + 0.5 * self.coverage


def term_coverage(question_terms: Sequence[str], passage_terms: set[str], idf: Callable[[str], float]) -> float:
    """IDF-weighted share of distinct question terms present in the passage (0..1)."""
    distinct = list(dict.fromkeys(question_terms))
    weights = {t: max(idf(t), 0.1) for t in distinct}
    total = sum(weights.values())
    if total == 0:
        return 0.0
    return sum(w for t, w in weights.items() if t in passage_terms) / total


def is_answerable(best: ScoredPassage, policy: RelevancePolicy) -> bool:
    """Answer only with real evidence: both signals fair, or one of them strong."""
    if best.dense >= policy.strong_dense and best.coverage >= policy.min_coverage / 2:
        return True
    if best.coverage >= policy.strong_coverage and best.dense >= policy.min_dense - 0.03:
        return True
    return best.dense >= policy.min_dense and best.coverage >= policy.min_coverage
