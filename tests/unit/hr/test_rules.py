"""Every KPI rule against numbers worked out by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from hr.errors import HRError
from hr.policy import load_policy
from hr.policy.model import AdjustmentBand, CourseHealthRules, NotificationRules, ProgressRules, Target
from hr.rules import employee_rules
from hr.rules.bands import department_adjustment, rate_against_target
from hr.rules.behind import is_behind, is_overdue
from hr.rules.clock import in_quiet_hours, local_day, quiet_hours_end
from hr.rules.course_health import course_health
from hr.rules.eligibility import is_open_to, is_required_for, missing_prerequisites, required_tags
from hr.rules.kirkpatrick import relative_delta
from hr.rules.periods import parse_period, quarter_of
from hr.rules.rates import Rate

POLICY = load_policy()


def test_rate_keeps_numerator_and_denominator():
    assert Rate(3, 4).value == 0.75 and Rate(3, 4).percent() == "75.0% (3/4)"
    assert Rate(0, 0).value is None and Rate(0, 0).value_or(1.0) == 1.0 and Rate(0, 0).percent() == "n/a (0/0)"
    assert Rate(3, 4).plus(numerator=1) == Rate(4, 4)
    assert Rate(1, 3).to_dict() == {"numerator": 1, "denominator": 3, "value": 0.333333}


@pytest.mark.parametrize(("completion", "exam", "points"), [
    (Rate(3, 4), Rate(1, 1), 12.5),     # the example: 0.75*10 + 1*5
    (Rate(4, 4), Rate(1, 1), 15.0),
    (Rate(1, 2), Rate(0, 1), 5.0),
    (Rate(2, 3), Rate(1, 2), 9.1667),   # 6.6667 + 2.5
    (Rate(0, 0), Rate(0, 0), 15.0),     # nothing due counts as met by default
])
def test_training_points(completion, exam, points):
    assert employee_rules.training_points(completion, exam, POLICY).total == points


def test_floors_for_excellent_and_promotion():
    assert employee_rules.excellent_allowed(Rate(9, 10), POLICY)
    assert not employee_rules.excellent_allowed(Rate(8, 10), POLICY)
    assert employee_rules.promotion_eligible(Rate(0, 0), POLICY)
    assert not employee_rules.promotion_eligible(Rate(17, 19), POLICY)  # 89.5%


@pytest.mark.parametrize(("rate", "target", "needed"), [
    (Rate(3, 4), 0.9, 1), (Rate(4, 6), 0.9, 2), (Rate(9, 10), 0.9, 0), (Rate(0, 20), 0.9, 18), (Rate(0, 0), 0.9, 0),
])
def test_completions_needed(rate, target, needed):
    assert employee_rules.completions_needed(rate, target) == needed


def test_department_bands_penalty_and_bonus():
    bands = [AdjustmentBand(below=0.9, adjustment=-5), AdjustmentBand(at_least=0.98, adjustment=2)]
    assert department_adjustment(0.899, bands)[0] == -5
    assert department_adjustment(0.9, bands) == (0.0, None)
    assert department_adjustment(0.98, bands)[0] == 2
    assert department_adjustment(None, bands) == (0.0, None)
    assert department_adjustment(0.5, POLICY.department.adjustment_bands)[0] == -5


def test_target_ratings():
    target = Target(met=0.9, excellent=0.95)
    assert [rate_against_target(v, target) for v in (0.89, 0.9, 0.949, 0.95, None)] == [
        "below_target", "met", "met", "excellent", None]
    satisfaction = POLICY.specialist.satisfaction_score
    assert rate_against_target(86, satisfaction) == "met" and rate_against_target(84.9, satisfaction) == "below_target"


def test_course_health():
    rules = CourseHealthRules(redesign_below_completion=0.6, redesign_after_quarters=2, promote_above_rating=0.9,
                              good_rating_at_least=4)
    assert course_health([Rate(5, 10), Rate(11, 20)], Rate(0, 0), rules) == "redesign"
    assert course_health([Rate(7, 10), Rate(11, 20)], Rate(0, 0), rules) == "ok"        # only one low quarter
    assert course_health([Rate(0, 0), Rate(1, 20)], Rate(0, 0), rules) == "ok"          # no data is not low
    assert course_health([Rate(9, 10), Rate(9, 10)], Rate(19, 20), rules) == "promote"  # 95% > 90%
    assert course_health([Rate(9, 10), Rate(9, 10)], Rate(9, 10), rules) == "ok"        # 90% is not above 90%
    assert course_health([Rate(1, 10), Rate(1, 10)], Rate(20, 20), rules) == "redesign"
    picky = rules.model_copy(update={"min_ratings_to_promote": 10})
    assert course_health([Rate(9, 10)], Rate(9, 9), picky) == "ok"          # 9 ratings are too few
    assert course_health([Rate(9, 10)], Rate(10, 10), picky) == "promote"


def test_kirkpatrick_delta():
    assert relative_delta(115.0, 100.0) == pytest.approx(0.15)
    assert relative_delta(90.0, 100.0) == pytest.approx(-0.1)
    assert relative_delta(None, 100.0) is None and relative_delta(1.0, 0.0) is None


def test_periods():
    q3 = parse_period("2026Q3")
    assert (q3.start, q3.end) == (date(2026, 7, 1), date(2026, 9, 30))
    assert parse_period("2026q4").end == date(2026, 12, 31)
    assert parse_period("2026").start == date(2026, 1, 1)
    assert parse_period("2026Q1").previous_quarter().name == "2025Q4"
    assert quarter_of(date(2026, 11, 25)).name == "2026Q4"
    with pytest.raises(HRError) as caught:
        parse_period("Q3-2026")
    assert caught.value.code == "invalid" and "2026Q3" in caught.value.message_en


def test_behind_and_overdue():
    rules = ProgressRules(behind_within_days=7, behind_below_pct=50, default_due_days=90)
    today = date(2026, 3, 25)
    assert is_overdue("in_progress", date(2026, 3, 24), today)
    assert not is_overdue("completed", date(2026, 3, 1), today)
    assert is_behind("enrolled", date(2026, 4, 1), 49, today, rules)       # 7 days left, 49%
    assert not is_behind("enrolled", date(2026, 4, 1), 50, today, rules)
    assert not is_behind("enrolled", date(2026, 4, 2), 0, today, rules)    # 8 days left
    assert not is_behind("dropped", date(2026, 1, 1), 0, today, rules)


def test_eligibility():
    assert required_tags("all") == (True, [])
    assert is_required_for("rnd;it", "employee", "x", ["rnd-web", "rnd", "corp"])
    assert is_required_for("manager;经理", "employee", "经理", ["sales", "corp"])
    assert not is_required_for("sales", "employee", "x", ["rnd", "corp"])
    assert is_open_to("", "employee", "x", ["rnd"]) and not is_open_to("sales", "employee", "x", ["rnd"])
    assert missing_prerequisites("SEC-101; AI-101", {"AI-101"}) == ["SEC-101"]


def test_quiet_hours_cross_midnight_in_policy_timezone():
    rules = NotificationRules(timezone="Asia/Shanghai", quiet_hours_start="21:00", quiet_hours_end="08:00")
    at = lambda h, m=0: datetime(2026, 3, 25, h, m, tzinfo=UTC)  # noqa: E731 - UTC hour; Shanghai is +8
    assert in_quiet_hours(at(13), rules)          # 21:00 local
    assert not in_quiet_hours(at(12, 59), rules)  # 20:59 local
    assert in_quiet_hours(at(23, 59), rules)      # 07:59 local next day
    assert not in_quiet_hours(at(0), rules)       # 08:00 local
    assert local_day(at(17), rules) == date(2026, 3, 26)


def test_quiet_hours_end_is_the_next_local_end_time():
    rules = NotificationRules(timezone="Asia/Shanghai", quiet_hours_start="21:00", quiet_hours_end="08:00")
    at = lambda h, m=0: datetime(2026, 3, 25, h, m, tzinfo=UTC)  # noqa: E731 - UTC hour; Shanghai is +8
    assert quiet_hours_end(at(14, 30), rules).isoformat() == "2026-03-26T08:00:00+08:00"  # 22:30 local
    assert quiet_hours_end(at(22), rules).isoformat() == "2026-03-26T08:00:00+08:00"      # 06:00 local, next day
    assert quiet_hours_end(at(0), rules).isoformat() == "2026-03-26T08:00:00+08:00"       # 08:00 local: the next one
