"""Completion over time and exam results per course, on the hand-built organisation (seed.py; today 2026-03-25),
on SQLite and PostgreSQL. Required courses count (AI-101 and DATA-101 are optional), so each figure is worked by hand."""

from __future__ import annotations

import pytest

from hr.errors import HRError


def _points(trend) -> list[tuple[str, int, int, bool]]:
    """(period, completed, due, partial) per step."""
    return [(p.period, p.completion.numerator, p.completion.denominator, p.partial) for p in trend.points]


def test_the_last_six_months_end_with_the_month_in_progress(hr):
    trend = hr.completion_trend(hr.caller_for("hr1"), "month", points=6)
    assert _points(trend) == [("2025-10", 1, 1, False), ("2025-11", 0, 0, False), ("2025-12", 0, 0, False),
                              ("2026-01", 0, 0, False), ("2026-02", 2, 2, False), ("2026-03", 1, 3, True)]
    assert trend.scope == "company" and [p.period for p in trend.counted()] == ["2025-10", "2026-02", "2026-03"]


def test_a_named_year_by_quarter_stops_at_the_current_quarter(hr):
    trend = hr.completion_trend(hr.caller_for("ts1"), "quarter", period="2026")
    assert _points(trend) == [("2026Q1", 3, 5, True)]
    last_year = hr.completion_trend(hr.caller_for("ts1"), "quarter", period="2025")
    assert [p[0] for p in _points(last_year)] == ["2025Q1", "2025Q2", "2025Q3", "2025Q4"]
    assert _points(last_year)[-1] == ("2025Q4", 1, 1, False)


def test_a_manager_sees_the_team_and_a_department_they_head(hr):
    team = hr.completion_trend(hr.caller_for("m1"), "month", points=2)
    assert team.scope == "team:m1" and _points(team) == [("2026-02", 2, 2, False), ("2026-03", 0, 2, True)]
    web = hr.completion_trend(hr.caller_for("m2"), "month", points=2, department_id="rnd-web")
    assert web.scope == "department:rnd-web" and _points(web) == [("2026-02", 1, 1, False), ("2026-03", 0, 1, True)]
    one_course = hr.completion_trend(hr.caller_for("hr1"), "month", points=2, course_code="CMP-101")
    assert _points(one_course) == [("2026-02", 0, 0, False), ("2026-03", 0, 2, True)]


def test_employees_and_bad_requests_get_clear_errors(hr):
    with pytest.raises(HRError) as employee:
        hr.completion_trend(hr.caller_for("e1"))
    assert employee.value.code == "forbidden" and "经理、HR" in employee.value.message("zh")
    with pytest.raises(HRError) as other_department:
        hr.completion_trend(hr.caller_for("m2"), department_id="sales")
    assert other_department.value.code == "forbidden"
    with pytest.raises(HRError) as too_many:
        hr.completion_trend(hr.caller_for("hr1"), points=40)
    assert too_many.value.code == "invalid" and "36" in too_many.value.message("en")
    with pytest.raises(HRError) as unknown:
        hr.completion_trend(hr.caller_for("hr1"), course_code="XYZ-999")
    assert unknown.value.code == "not_found"


def test_exam_results_put_the_course_people_fail_first(hr):
    report = hr.exam_report(hr.caller_for("hr1"), "2026Q1")
    rows = {r.course_code: r for r in report.rows}
    assert [r.course_code for r in report.rows] == ["SEC-101", "SAL-101"]
    sec = rows["SEC-101"]  # e1 failed then passed, e2 failed once
    assert (sec.passed.numerator, sec.passed.denominator) == (1, 2)
    assert (sec.first_attempt.numerator, sec.first_attempt.denominator) == (0, 2)
    assert sec.attempts == 3 and round(sec.mean_score, 2) == round((70 + 88 + 60) / 3, 2) and sec.passing_score == 80
    sal = rows["SAL-101"]
    assert (sal.passed.numerator, sal.passed.denominator, sal.first_attempt.numerator, sal.attempts) == (1, 1, 0, 2)


def test_exam_results_are_scoped_and_ignore_practice(hr):
    hr.record_practice_attempt(hr.caller_for("e2"), "SEC-101", correct=5, questions=5)
    team = hr.exam_report(hr.caller_for("m2"), "2026Q1")
    assert team.scope == "team:m2" and [(r.course_code, r.passed.numerator, r.passed.denominator)
                                        for r in team.rows] == [("SEC-101", 1, 1)]
    company = hr.exam_report(hr.caller_for("hr1"), "2026Q1")
    assert next(r for r in company.rows if r.course_code == "SEC-101").attempts == 3
    with pytest.raises(HRError) as employee:
        hr.exam_report(hr.caller_for("e2"), "2026Q1")
    assert employee.value.code == "forbidden"


def test_departments_side_by_side_per_month(hr):
    matrix = hr.completion_matrix(hr.caller_for("hr1"), "department", "month", points=2)
    assert matrix.periods == ["2026-02", "2026-03"] and matrix.partial == "2026-03" and matrix.scope == "company"
    rows = {key: [(r.numerator, r.denominator) for r in rates] for key, _, rates in matrix.rows}
    assert rows["corp"] == [(2, 2), (1, 3)] and rows["rnd"] == [(2, 2), (0, 2)] and rows["sales"] == [(0, 0), (1, 1)]
    courses = hr.completion_matrix(hr.caller_for("m1"), "course", "quarter", period="2026")
    assert courses.scope == "team:m1" and {key for key, _, _ in courses.rows} == {"SEC-101", "CMP-101"}
    with pytest.raises(HRError) as employee:
        hr.completion_matrix(hr.caller_for("e1"), "department")
    assert employee.value.code == "forbidden"


def test_exam_report_for_an_unknown_course_says_so(hr):
    from hr.errors import HRError

    with pytest.raises(HRError, match="does not exist"):
        hr.exam_report(hr.caller_for("hr1"), "2026", course_code="NOPE-999")
