"""Completion counts required courses by default (policy completion.completion_counts); optional ones stand apart.

The issue's figures: an employee with 1 of 3 required courses done plus one optional course done is 1/3 (not 2/4);
their department is 6/9 (not 7/10), and the -5 band is applied from 6/9."""

from __future__ import annotations

from datetime import date

import pytest

from hr.db import session_scope
from hr.models import Course, Department, Employee, Enrollment
from hr.service import HRService

DONE, OPEN = "completed", "in_progress"


def _enroll(pid: str, code: str, status: str, source: str = "hr") -> Enrollment:
    """An enrollment due in 2026Q1."""
    return Enrollment(employee_id=pid, course_code=code, enrolled_on=date(2026, 1, 5), due_on=date(2026, 3, 20),
                      status=status, completed_on=date(2026, 3, 1) if status == DONE else None,
                      progress_pct=100 if status == DONE else 30, source=source)


@pytest.fixture
def support(hr, seeded) -> HRService:
    """A customer-service department: CS-101 required for it, SEC-101 and CMP-101 for all, AI-101 optional.
    c1: SEC-101 done, CMP-101 and CS-101 open, AI-101 (chosen by c1) done          -> 1/3 required, optional 1/1
    c2: SEC-101, CMP-101 done, CS-101 open; DATA-101 assigned by their manager, open -> 2/3 required
    c3: all three done                                                             -> 3/3      department 6/9"""
    with session_scope(seeded, write=True) as db:
        db.add(Department(id="cs", name="客户服务部", parent_id="corp"))
        db.add(Course(code="CS-101", title="客户服务沟通", format="live", passing_score=60, required_for="cs",
                      due_days=60))
        db.flush()
        db.add(Employee(id="cm", name="CS Manager", department_id="cs", manager_id="ceo", role="manager",
                        job_title="经理"))
        db.flush()
        for pid in ("c1", "c2", "c3"):
            db.add(Employee(id=pid, name=f"Name-{pid}", department_id="cs", manager_id="cm", role="employee",
                            job_title="客服专员"))
        db.flush()
        db.add_all([
            _enroll("c1", "SEC-101", DONE), _enroll("c1", "CMP-101", OPEN), _enroll("c1", "CS-101", OPEN),
            _enroll("c1", "AI-101", DONE, source="self"),
            _enroll("c2", "SEC-101", DONE), _enroll("c2", "CMP-101", DONE), _enroll("c2", "CS-101", OPEN),
            _enroll("c2", "DATA-101", OPEN, source="manager"),
            _enroll("c3", "SEC-101", DONE), _enroll("c3", "CMP-101", DONE), _enroll("c3", "CS-101", DONE),
        ])
    return hr


def _share(rate) -> tuple[int, int]:
    """numerator/denominator of a Rate or a KPI item's inputs."""
    if isinstance(rate, dict):
        return rate["numerator"], rate["denominator"]
    return rate.numerator, rate.denominator


def test_employee_is_one_of_three_and_the_explanation_names_the_courses(support):
    hr1 = support.caller_for("hr1")
    kpi = support.explain_employee_kpi(hr1, "c1", period="2026Q1")
    completion = kpi.item("completion_rate")
    assert _share(completion.inputs) == (1, 3)
    assert sorted(completion.inputs["counted_courses"]) == ["CMP-101", "CS-101", "SEC-101"]
    assert completion.inputs["completed_courses"] == ["SEC-101"]
    assert _share(kpi.item("optional_completion").inputs) == (1, 1)
    assert kpi.item("optional_completion").inputs["optional_courses"] == ["AI-101"]
    text = kpi.to_text("en")
    assert "1/3" in text and "AI-101 ✓" in text and "required courses completed" in text
    assert "必修课程" in kpi.to_text("zh")
    progress = support.employee_progress(hr1, "c1", period="2026Q1")
    assert _share(progress.completion) == (1, 3) and _share(progress.optional) == (1, 1)
    assert "[optional, not in the rate]" in progress.to_text("en")
    team = support.team_progress(support.caller_for("cm"), period="2026Q1")
    assert {m.employee_id: _share(m.completion) for m in team.members} == {"c1": (1, 3), "c2": (2, 3), "c3": (3, 3)}


def test_department_is_six_of_nine_and_takes_the_minus_five_band(support):
    dept = support.department_kpi(support.caller_for("hr1"), "cs", period="2026Q1")
    completion = dept.item("completion_rate")
    assert _share(completion.inputs) == (6, 9)
    assert completion.inputs["counted_by_course"] == {"CMP-101": "2/3", "CS-101": "1/3", "SEC-101": "3/3"}
    band = dept.item("performance_adjustment")
    assert band.value == -5 and _share(band.inputs) == (6, 9) and band.verdict == "penalty"
    assert dept.item("optional_completion").inputs["optional_by_course"] == {"AI-101": "1/1", "DATA-101": "0/1"}
    report = support.completion_report(support.caller_for("hr1"), "department", "2026Q1")
    row = next(r for r in report.rows if r.key == "cs")
    assert _share(row.completion) == (6, 9) and _share(row.optional) == (1, 2)


def test_assigned_switch_also_counts_what_a_manager_assigned(support):
    assigned = HRService(support.engine, support.policy.model_copy(update={"completion": support.policy.completion
                         .model_copy(update={"completion_counts": "assigned"})}), clock=support.clock)
    hr1 = assigned.caller_for("hr1")
    assert _share(assigned.explain_employee_kpi(hr1, "c1", period="2026Q1").item("completion_rate").inputs) == (1, 3)
    c2 = assigned.explain_employee_kpi(hr1, "c2", period="2026Q1").item("completion_rate")
    assert _share(c2.inputs) == (2, 4) and "DATA-101" in c2.inputs["counted_courses"]
    assert _share(assigned.department_kpi(hr1, "cs", period="2026Q1").item("completion_rate").inputs) == (6, 10)
    # the seed's e1 was assigned AI-101 and DATA-101 by HR: counted under `assigned`, optional under `required`
    assert _share(assigned.explain_employee_kpi(hr1, "e1", period="2026Q1").item("completion_rate").inputs) == (3, 4)


def test_a_bad_switch_value_is_refused_with_the_allowed_values(tmp_path):
    from hr.errors import HRError
    from hr.policy import load_policy
    from hr.policy.model import DEFAULT_POLICY_FILE

    text = DEFAULT_POLICY_FILE.read_text(encoding="utf-8").replace("completion_counts: required",
                                                                   "completion_counts: everything")
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(HRError) as caught:
        load_policy(tmp_path / "p.yaml")
    assert "completion_counts" in caught.value.message("en") and "required" in caught.value.message("en")


def test_a_team_or_department_view_of_one_course_counts_that_course_only(support):
    cm, hr1 = support.caller_for("cm"), support.caller_for("hr1")
    team = support.team_progress(cm, period="2026Q1", course_code="CS-101")
    assert {m.employee_id: _share(m.completion) for m in team.members} == {"c1": (0, 1), "c2": (0, 1), "c3": (1, 1)}
    assert _share(team.completion) == (1, 3)
    assert {c.course_code for m in team.members for c in m.courses} <= {"CS-101"}
    department = support.department_progress(hr1, "cs", "2026Q1", course_code="CMP-101")
    assert _share(department.completion) == (2, 3)
    with pytest.raises(Exception, match="NOPE-1"):
        support.team_progress(cm, period="2026Q1", course_code="NOPE-1")


def test_a_department_view_counts_as_the_policy_says(support):
    assigned = HRService(support.engine, support.policy.model_copy(update={"completion": support.policy.completion
                         .model_copy(update={"completion_counts": "assigned"})}), clock=support.clock)
    department = assigned.department_progress(assigned.caller_for("hr1"), "cs", "2026Q1")
    assert _share(department.completion) == (6, 10)  # the manager-assigned DATA-101 counts under "assigned"
