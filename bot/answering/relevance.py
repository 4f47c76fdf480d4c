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
    return group_coverage([[t] for t in dict.fromkeys(question_terms)], passage_terms, idf)


def group_coverage(groups: Sequence[Sequence[str]], passage_terms: set[str], idf: Callable[[str], float]) -> float:
    """Share of concepts (each a list of alternative terms) found, weighted by the rarest alternative's IDF.

    A term the knowledge base has never seen gets the highest weight: it is the best evidence that the
    material does not cover the question."""
    total = found = 0.0
    for alternatives in groups:
        if not alternatives:
            continue
        weight = max(idf(t) for t in alternatives)
        total += weight
        if any(t in passage_terms for t in alternatives):
            found += weight
    return found / total if total else 0.0


def is_answerable(best: ScoredPassage, policy: RelevancePolicy) -> bool:
    """Answer only with real evidence: both signals fair, or one of them strong."""
    if best.dense >= policy.strong_dense and best.coverage >= policy.min_coverage / 2:
        return True
    if best.coverage >= policy.strong_coverage and best.dense >= policy.min_dense - 0.03:
        return True
    return best.dense >= policy.min_dense and best.coverage >= policy.min_coverage
