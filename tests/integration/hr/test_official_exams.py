"""Official exams: a preview, an explicit start, one recorded attempt, the policy's retake limit and question count."""

from __future__ import annotations

import pytest
from sqlmodel import select

from hr.db import session_scope
from hr.errors import HRError
from hr.models import ExamAttempt, ExamSitting
from hr.service import HRService


def _take(hr: HRService, who: str, course: str, correct: int):
    """Preview, start and submit one official exam as the learner."""
    me = hr.caller_for(who)
    preview = hr.preview_exam(me, course)
    assert preview.can_start, preview.to_text("en")
    sitting = hr.start_exam(me, course)
    return hr.submit_exam(me, sitting.sitting_id, correct)


def test_official_pass_changes_kpi_exactly_as_the_policy_says(hr):
    hr1 = hr.caller_for("hr1")
    before = hr.explain_employee_kpi(hr1, "e2", period="2026Q1")
    assert before.item("exam_pass_rate").inputs["numerator"] == 0
    result = _take(hr, "e2", "CMP-101", 7)  # 7/10 = 70, the course's pass mark
    assert (result.passed, result.attempt.score, result.completed_course) == (True, 70.0, True)
    after = hr.explain_employee_kpi(hr1, "e2", period="2026Q1")
    exam = after.item("exam_pass_rate")
    assert (exam.inputs["numerator"], exam.inputs["denominator"]) == (1, 2)  # SEC-101 failed, CMP-101 passed
    completion = after.item("completion_rate").value
    weights = hr.policy.employee.training_points
    assert after.item("training_points").value == pytest.approx(
        completion * weights.completion_weight + 0.5 * weights.exam_pass_weight)
    assert after.item("training_points").value > before.item("training_points").value
    rnd = hr.department_kpi(hr1, "rnd", period="2026Q1").item("exam_pass_rate")
    assert (rnd.inputs["numerator"], rnd.inputs["denominator"]) == (2, 3)


def test_retake_limit_comes_from_the_policy(hr):
    first = _take(hr, "e2", "CMP-101", 3)
    assert (first.passed, first.attempts_used, first.attempts_allowed, first.retakes_left) == (False, 1, 2, 1)
    assert "1 retake left" in first.to_text("en") and "剩余补考 1 次" in first.to_text("zh")
    second = _take(hr, "e2", "CMP-101", 4)
    assert (second.passed, second.retakes_left) == (False, 0)
    me = hr.caller_for("e2")
    preview = hr.preview_exam(me, "CMP-101")
    assert not preview.can_start and "max_retakes" in preview.to_text("en")
    with pytest.raises(HRError) as refused:
        hr.start_exam(me, "CMP-101")
    assert refused.value.code == "conflict"
    lenient = HRService(hr.engine, hr.policy.model_copy(update={"exams": hr.policy.exams.model_copy(
        update={"max_retakes": 2})}), notifier=hr.notifier, clock=hr.clock)
    assert _take(lenient, "e2", "CMP-101", 9).passed


def test_an_exam_is_recorded_once_and_resumed_not_duplicated(hr, seeded):
    me = hr.caller_for("e2")
    sitting = hr.start_exam(me, "CMP-101")
    again = hr.start_exam(me, "CMP-101")
    assert again.sitting_id == sitting.sitting_id and again.resumed
    first = hr.submit_exam(me, sitting.sitting_id, 5)
    repeat = hr.submit_exam(me, sitting.sitting_id, 10)
    assert repeat.already_recorded and repeat.attempt.id == first.attempt.id and repeat.attempt.score == 50
    with session_scope(seeded) as db:
        attempts = db.exec(select(ExamAttempt).where(ExamAttempt.employee_id == "e2",
                                                     ExamAttempt.course_code == "CMP-101")).all()
        row = db.get(ExamSitting, sitting.sitting_id)
    assert len(attempts) == 1 and (row.status, row.attempt_id, row.open_key) == ("submitted", first.attempt.id, None)


def test_question_count_and_pass_mark_follow_course_and_policy(hr):
    e1 = hr.caller_for("e1")
    hr.enroll(e1, "SEC-201")
    preview = hr.preview_exam(e1, "SEC-201")
    assert (preview.question_count, preview.passing_score) == (15, 75)  # policy questions_by_course, course bar
    assert "15 questions" in preview.to_text("en") and "15 道题" in preview.to_text("zh")
    assert hr.preview_exam(e1, "AI-101").question_count == hr.policy.exams.questions
    sitting = hr.start_exam(e1, "SEC-201")
    assert hr.submit_exam(e1, sitting.sitting_id, 11).attempt.score == pytest.approx(73.3)


def test_refusals(hr):
    e1, e2 = hr.caller_for("e1"), hr.caller_for("e2")
    passed = hr.preview_exam(e1, "SEC-101")
    assert not passed.can_start and "already passed" in passed.to_text("en")
    not_enrolled = hr.preview_exam(e1, "SAL-101")
    assert not not_enrolled.can_start and not_enrolled.refusal.code == "invalid"
    sitting = hr.start_exam(e2, "CMP-101")
    with pytest.raises(HRError) as other:
        hr.submit_exam(e1, sitting.sitting_id, 5)
    assert other.value.code == "forbidden"
    with pytest.raises(HRError) as bad:
        hr.submit_exam(e2, sitting.sitting_id, 11)
    assert bad.value.code == "invalid"
    with pytest.raises(HRError) as entered:
        hr.record_exam_attempt(e2, "CMP-101", 95)  # a learner cannot type in their own official score
    assert entered.value.code == "forbidden"


def test_manager_schedules_an_exam_the_learner_then_takes(hr):
    scheduled = hr.start_exam(hr.caller_for("m1"), "CMP-101", "e2")
    taken = hr.start_exam(hr.caller_for("e2"), "CMP-101")
    assert taken.sitting_id == scheduled.sitting_id and taken.resumed


def test_an_open_exam_cannot_outlive_a_result_entered_elsewhere(hr):
    scheduled = hr.start_exam(hr.caller_for("hr1"), "CMP-101", "e2")
    hr.record_exam_attempt(hr.caller_for("ts1"), "CMP-101", 90, "e2")  # passed in a proctored session
    me = hr.caller_for("e2")
    assert not hr.preview_exam(me, "CMP-101").can_start
    with pytest.raises(HRError) as closed:
        hr.start_exam(me, "CMP-101")
    assert closed.value.code == "conflict" and scheduled.sitting_id


def test_a_persons_progress_carries_each_courses_official_exam_scores(hr):
    _take(hr, "e2", "CMP-101", 3)
    _take(hr, "e2", "CMP-101", 8)
    progress = hr.employee_progress(hr.caller_for("hr1"), "e2")
    cmp = next(c for c in progress.courses if c.course_code == "CMP-101")
    assert cmp.exam_scores == (30.0, 80.0)  # oldest first: "他CMP-101考了几次，最后多少分" reads them
