"""Is a passage about the question? Dense similarity plus IDF-weighted coverage of the question's terms."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RelevancePolicy:
    """When the nearest material is close enough to answer from.

    Calibrated on both gold sets (sample KB and ../shared/corpus; eval/results/answers_*.json): multilingual e5
    gives Chinese questions higher cosines than English ones, and a question the material does not cover
    tends to find many equally mediocre chunks (a flat profile) rather than one that stands out."""

    min_dense: dict[str, float] = field(default_factory=lambda: {"zh": 0.86, "en": 0.815})
    flat_margin: float = 0.025  # top-1 minus the mean of the top 30 below this means "nothing stands out"
    flat_extra: float = 0.03  # ... and then the top-1 must clear the floor by this much
    low_band: float = 0.02  # within this much of the floor the answer says the match may not be direct


def confidence(profile: Sequence[float], language: str, policy: RelevancePolicy) -> str | None:
    """"high", "low" (answer, but say the match is not direct) or None (abstain)."""
    if not profile:
        return None
    top = profile[0]
    floor = policy.min_dense.get(language, policy.min_dense["en"])
    margin = top - sum(profile) / len(profile)
    if margin < policy.flat_margin:
        floor += policy.flat_extra
    if top < floor:
        return None
    return "high" if top >= floor + policy.low_band else "low"
