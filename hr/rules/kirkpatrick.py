"""Kirkpatrick level 3/4: relative difference between trained and untrained groups."""

from __future__ import annotations


def relative_delta(trained_mean: float | None, untrained_mean: float | None) -> float | None:
    """(trained - untrained) / untrained; None when a group is empty or the baseline is zero."""
    if trained_mean is None or untrained_mean is None or untrained_mean == 0:
        return None
    return (trained_mean - untrained_mean) / abs(untrained_mean)
