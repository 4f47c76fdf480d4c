"""Practice (chat self-tests) is stored apart from official exams: no KPI, pass rate or retake moves."""

from __future__ import annotations

import pytest
from sqlmodel import select

from hr.db import session_scope
from hr.errors import HRError
from hr.models import ExamAttempt, PracticeAttempt


def _figures(hr) -> dict:
    """Every KPI figure of e1 and of e1's departments, as plain values."""
    hr1 = hr.caller_for("hr1")
    person = hr.explain_employee_kpi(hr1, "e1", period="2026Q1")
    figures = {f"e1.{item.name}": (item.value, item.inputs) for item in person.items}
    for dept in ("rnd-web", "rnd"):
        for item in hr.department_kpi(hr1, dept, period="2026Q1").items:
            figures[f"{dept}.{item.name}"] = (item.value, item.inputs)
    return figures


def test_failed_practice_changes_no_kpi_figure(hr):
    before = _figures(hr)
    e1 = hr.caller_for("e1")
    result = hr.record_practice_attempt(e1, "SEC-101", correct=0, questions=3)
    hr.record_practice_attempt(e1, "CMP-101", correct=1, questions=5)
    assert result.attempt.score == 0 and not result.reached_pass_mark
    assert "practice" in result.to_text("en") and "练习" in result.to_text("zh")
    assert _figures(hr) == before
    with session_scope(hr.engine) as db:
        assert len(db.exec(select(ExamAttempt).where(ExamAttempt.employee_id == "e1")).all()) == 2
        assert len(db.exec(select(PracticeAttempt).where(PracticeAttempt.employee_id == "e1")).all()) == 2


def test_practice_needs_no_enrollment_but_a_real_course_and_sane_counts(hr):
    s1 = hr.caller_for("s1")
    assert hr.record_practice_attempt(s1, "AI-101", correct=2, questions=2).attempt.score == 100
    with pytest.raises(HRError) as missing:
        hr.record_practice_attempt(s1, "NOPE-1", correct=1, questions=2)
    assert missing.value.code == "not_found"
    with pytest.raises(HRError) as bad:
        hr.record_practice_attempt(s1, "AI-101", correct=3, questions=2)
    assert bad.value.code == "invalid"


def test_practice_for_someone_else_needs_rights(hr):
    with pytest.raises(HRError) as refused:
        hr.record_practice_attempt(hr.caller_for("e2"), "SEC-101", correct=1, questions=2, employee_id="e1")
    assert refused.value.code == "forbidden"


def test_practice_report_shows_practice_apart_and_scoped(hr):
    hr.record_practice_attempt(hr.caller_for("e1"), "SEC-101", correct=3, questions=3)
    hr.record_practice_attempt(hr.caller_for("e1"), "SEC-101", correct=1, questions=4)
    hr.record_practice_attempt(hr.caller_for("s1"), "SEC-101", correct=4, questions=5)
    company = hr.practice_report(hr.caller_for("hr1"), "2026Q1")
    ((code, _title, counts),) = company.rows
    assert (code, counts.attempts, counts.people, counts.reached_pass_mark) == ("SEC-101", 3, 2, 2)  # bar 80
    assert round(counts.mean_score, 1) == 68.3 and "not in exam pass rates" in company.to_text("en")
    own = hr.practice_report(hr.caller_for("s1"), "2026Q1")
    assert own.scope == "self:s1" and own.rows[0][2].attempts == 1 and "练习测验" in own.to_text("zh")
    assert hr.completion_report(hr.caller_for("hr1"), "course", "2026Q1").to_dict()["rows"]  # reports untouched
