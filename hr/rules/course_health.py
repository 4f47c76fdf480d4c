"""Course health: redesign after repeated low completion, promote when learners rate it highly."""

from __future__ import annotations

from hr.policy.model import CourseHealthRules
from hr.rules.rates import Rate

HEALTH_REDESIGN = "redesign"
HEALTH_PROMOTE = "promote"
HEALTH_OK = "ok"


def needs_redesign(recent_quarters: list[Rate], rules: CourseHealthRules) -> bool:
    """True when each of the last N quarters (newest last) had data and completion below the floor."""
    window = recent_quarters[-rules.redesign_after_quarters:]
    if len(window) < rules.redesign_after_quarters:
        return False
    return all(r.value is not None and r.value < rules.redesign_below_completion for r in window)


def deserves_promotion(good_ratings: Rate, rules: CourseHealthRules) -> bool:
    """True when enough learners rated it and the share of good ratings is above the promotion threshold."""
    if good_ratings.denominator < rules.min_ratings_to_promote:
        return False
    return good_ratings.value is not None and good_ratings.value > rules.promote_above_rating


def course_health(recent_quarters: list[Rate], good_ratings: Rate, rules: CourseHealthRules) -> str:
    """redesign beats promote (a course people like but do not finish still needs work)."""
    if needs_redesign(recent_quarters, rules):
        return HEALTH_REDESIGN
    if deserves_promotion(good_ratings, rules):
        return HEALTH_PROMOTE
    return HEALTH_OK
