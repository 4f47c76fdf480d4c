"""Is a passage about the question? Dense similarity plus IDF-weighted coverage of the question's terms."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from retrieval.types import Passage


@dataclass(frozen=True)
class RelevancePolicy:
    """When the nearest material is close enough to answer from.

    Calibrated on both gold sets (sample KB and ../shared/corpus; eval/results/answers_*.json): multilingual e5
    gives Chinese questions higher cosines than English ones, and a question the material does not cover
    tends to find many equally mediocre chunks (a flat profile) rather than one that stands out."""

    min_dense: dict[str, float] = field(default_factory=lambda: {"zh": 0.86, "en": 0.815})
    flat_margin: float = 0.025  # top-1 minus the mean of the top 30 below this means "nothing stands out"
    flat_extra: float = 0.03  # ... and then the top-1 must clear the floor by this much
    keep_ratio: float = 0.85  # further passages are quoted only if their relevance is close to the best


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


def is_answerable(profile: Sequence[float], language: str, policy: RelevancePolicy) -> bool:
    """Answer only when the best chunk is close enough and, if the evidence is flat, closer still."""
    if not profile:
        return False
    top = profile[0]
    floor = policy.min_dense.get(language, policy.min_dense["en"])
    margin = top - sum(profile) / len(profile)
    if margin < policy.flat_margin:
        floor += policy.flat_extra
    return top >= floor
