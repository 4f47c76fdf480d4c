"""Ranking metrics over retrieved sources, and latency percentiles."""

from __future__ import annotations

import math
from collections.abc import Sequence


def first_hit_rank(retrieved_sources: Sequence[str], gold: set[str]) -> int | None:
    """1-based rank of the first retrieved chunk from a gold source."""
    for rank, source in enumerate(retrieved_sources, start=1):
        if source in gold:
            return rank
    return None


def ndcg(retrieved_sources: Sequence[str], gold: set[str], k: int = 10) -> float:
    """Document-level nDCG@k: repeated chunks of one document count once; ideal = all gold documents first."""
    seen: list[str] = []
    for source in retrieved_sources:
        if source not in seen:
            seen.append(source)
    dcg = sum(1.0 / math.log2(rank + 1) for rank, source in enumerate(seen[:k], start=1) if source in gold)
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(len(gold), k) + 1))
    return dcg / ideal if ideal else 0.0


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]
