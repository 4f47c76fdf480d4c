"""Course health, Kirkpatrick levels and adaptive recommendations against hand-computed data."""

from __future__ import annotations

from datetime import date

import pytest

from hr.db import session_scope
from hr.models import Course, Enrollment, ExamAttempt, PerformanceRecord, SurveyResponse
from hr.service import HRService


def _add(engine, *rows) -> None:
    """Insert rows in one transaction."""
    with session_scope(engine, write=True) as db:
        for row in rows:
            db.add(row)
            db.flush()


def test_course_health_redesign_and_promote(hr, seeded):
    _add(seeded, Enrollment(employee_id="s1", course_code="CMP-101", enrolled_on=date(2025, 10, 1),
                            due_on=date(2025, 12, 1), status="overdue"),
         SurveyResponse(employee_id="e1", course_code="AI-101", submitted_on=date(2026, 3, 2), rating=5))
    health = {h.course_code: h for h in hr.course_health(hr.caller_for("ts1"), period="2026Q1")}
    cmp = health["CMP-101"]  # 2025Q4: 0/1, 2026Q1: 0/2 -> two quarters under 60%
    assert [(n, r.numerator, r.denominator) for n, r in cmp.quarters] == [("2025Q4", 0, 1), ("2026Q1", 0, 2)]
    assert cmp.verdict == "redesign" and cmp.clause.key == "course_health"
    assert health["AI-101"].verdict == "ok"  # one 5-star rating is below the policy's minimum of 10
    assert health["SEC-101"].verdict == "ok"  # 2025Q4 1/1, 2026Q1 2/2, no ratings
    lenient = HRService(hr.engine, hr.policy.model_copy(update={"course_health": hr.policy.course_health.model_copy(
        update={"min_ratings_to_promote": 1})}), clock=hr.clock)
    health = {h.course_code: h for h in lenient.course_health(hr.caller_for("ts1"), period="2026Q1")}
    assert health["AI-101"].verdict == "promote" and health["AI-101"].good_ratings.value == 1.0


def test_kirkpatrick_levels_hand_computed(hr, seeded):
    _add(seeded,
         PerformanceRecord(employee_id="e1", period="2026Q1", score=90, behavior_score=90, business_metric=120),
         PerformanceRecord(employee_id="s1", period="2026Q1", score=85, behavior_score=80, business_metric=110),
         PerformanceRecord(employee_id="m1", period="2026Q1", score=80, behavior_score=70, business_metric=100),
         PerformanceRecord(employee_id="ceo", period="2026Q1", score=80, behavior_score=80, business_metric=100),
         SurveyResponse(employee_id="e1", course_code="AI-101", submitted_on=date(2026, 3, 2), rating=5),
         SurveyResponse(employee_id="s1", course_code="SAL-101", submitted_on=date(2026, 3, 2), rating=4))
    levels = hr.kirkpatrick(hr.caller_for("hr1"), period="2026Q1")
    assert levels.item("level1_satisfaction").value == 90.0  # mean 4.5 x 20
    assert levels.item("level1_satisfaction").verdict == "excellent"
    l2 = levels.item("level2_exam_pass")
    assert (l2.inputs["numerator"], l2.inputs["denominator"]) == (2, 3)
    l3 = levels.item("level3_behavior_delta")  # trained e1, s1: 85; untrained m1, ceo: 75 -> +13.3%
    assert l3.value == pytest.approx(10 / 75) and l3.verdict == "met"
    assert l3.inputs == {"trained_people": 2, "untrained_people": 2}
    l4 = levels.item("level4_business_delta")  # 115 vs 100 -> +15%: meets the 15% bar, not the 20% one
    assert l4.value == pytest.approx(0.15) and l4.verdict == "met"
    only_sales = hr.kirkpatrick(hr.caller_for("hr1"), period="2026Q1", course_code="SAL-101")
    assert only_sales.item("level3_behavior_delta").inputs == {"trained_people": 1, "untrained_people": 3}
    sales_l2 = only_sales.item("level2_exam_pass")  # one course's exams, not the company's: s1 passed SAL-101
    assert (sales_l2.inputs["numerator"], sales_l2.inputs["denominator"]) == (1, 1)
    security_l2 = hr.kirkpatrick(hr.caller_for("hr1"), period="2026Q1", course_code="SEC-101").item("level2_exam_pass")
    assert (security_l2.inputs["numerator"], security_l2.inputs["denominator"]) == (1, 2)  # e1 passed, e2 did not


def test_adaptive_recommendations_after_a_failed_exam(hr, seeded):
    _add(seeded, Course(code="DATA-201", title="数据分析进阶", format="document", difficulty=2, passing_score=70,
                        skill_tags="data-analysis"),
         ExamAttempt(employee_id="e2", course_code="DATA-201", attempted_on=date(2026, 3, 1), score=50, passed=False,
                     attempt_no=1))
    recs = hr.recommend_courses(hr.caller_for("m1"), "e2", limit=10)
    assert [(r.course_code, r.reason) for r in recs] == [
        ("SEC-201", "required"), ("DATA-101", "remedial"), ("AI-101", "skill_gap"), ("DATA-201", "preferred_format")]
    assert "DATA-201" in recs[1].reason_en and "打好基础" in recs[1].reason_zh
    assert hr.recommend_courses(hr.caller_for("e2"), limit=2)[1].course_code == "DATA-101"
