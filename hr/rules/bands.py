"""Department adjustment bands and KPI target ratings, read from the policy."""

from __future__ import annotations

from hr.policy.model import AdjustmentBand, Target

RATING_BELOW = "below_target"
RATING_MET = "met"
RATING_EXCELLENT = "excellent"


def department_adjustment(rate: float | None, bands: list[AdjustmentBand]) -> tuple[float, AdjustmentBand | None]:
    """The first band the completion rate falls in and its adjustment; no band (or no data) means 0."""
    if rate is None:
        return 0.0, None
    for band in bands:
        if band.below is not None and rate < band.below:
            return band.adjustment, band
        if band.at_least is not None and rate >= band.at_least:
            return band.adjustment, band
    return 0.0, None


def rate_against_target(value: float | None, target: Target) -> str | None:
    """below_target / met / excellent for a KPI value; None when there is nothing to rate."""
    if value is None:
        return None
    if value >= target.excellent:
        return RATING_EXCELLENT
    if value >= target.met:
        return RATING_MET
    return RATING_BELOW
