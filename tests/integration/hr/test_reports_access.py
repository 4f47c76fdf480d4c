"""Progress and completion reports, scoped by role; directory lookups and audience tags."""

from __future__ import annotations

import pytest

from hr.errors import HRError


def test_completion_by_department_rolls_up_subtrees(hr):
    report = hr.completion_report(hr.caller_for("hr1"), "department", "2026Q1")
    rows = {r.key: (r.completion.numerator, r.completion.denominator) for r in report.rows}
    # required courses only (policy completion_counts: required): e1's AI-101 and DATA-101 are optional
    assert rows == {"corp": (3, 5), "rnd": (2, 4), "rnd-web": (1, 2), "sales": (1, 1)}
    assert (report.total.numerator, report.total.denominator) == (3, 5)
    optional = {r.key: (r.optional.numerator, r.optional.denominator) for r in report.rows}
    assert optional == {"corp": (2, 2), "rnd": (2, 2), "rnd-web": (2, 2), "sales": (0, 0)}
    assert report.scope == "company" and "60.0%" in report.to_text("en") and "not counted" in report.to_text("en")


def test_completion_by_course(hr):
    report = hr.completion_report(hr.caller_for("ts1"), "course", "2026Q1")
    rows = {r.key: (r.completion.numerator, r.completion.denominator) for r in report.rows}
    assert rows == {"AI-101": (0, 0), "CMP-101": (0, 2), "DATA-101": (0, 0), "SAL-101": (1, 1), "SEC-101": (2, 2)}
    assert {r.key: r.optional.numerator for r in report.rows if r.optional.denominator} == {"AI-101": 1, "DATA-101": 1}


def test_reports_are_scoped_to_what_the_caller_may_see(hr):
    team = hr.completion_report(hr.caller_for("m2"), "department", "2026Q1")
    assert team.scope == "team:m2" and (team.total.numerator, team.total.denominator) == (1, 2)
    own = hr.completion_report(hr.caller_for("e2"), "course", "2026Q1")
    assert own.scope == "self:e2" and (own.total.numerator, own.total.denominator) == (1, 2)
    with pytest.raises(HRError) as caught:
        hr.completion_report(hr.caller_for("e2"), "weather", "2026Q1")
    assert caught.value.code == "invalid"


def test_chart_is_a_png(hr):
    png = hr.completion_chart(hr.completion_report(hr.caller_for("hr1"), "department", "2026Q1"), "en")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 2000


@pytest.mark.parametrize(("who", "target", "allowed"), [
    ("e1", "e1", True), ("e1", "e2", False), ("m2", "e1", True), ("m1", "e1", True), ("m2", "e2", False),
    ("hr1", "s1", True), ("ts1", "e2", True), ("s1", "ceo", False), ("ceo", "e1", True),
])
def test_progress_access_matrix(hr, who, target, allowed):
    caller = hr.caller_for(who)
    if allowed:
        assert hr.employee_progress(caller, target).employee_id == target
    else:
        with pytest.raises(HRError) as caught:
            hr.employee_progress(caller, target)
        assert caught.value.code == "forbidden" and caught.value.http_status == 403


@pytest.mark.parametrize("service_call", [
    lambda hr, c: hr.explain_employee_kpi(c, "e2"),
    lambda hr, c: hr.recommend_courses(c, "e2"),
    lambda hr, c: hr.record_progress(c, "CMP-101", 50, "e2"),
    lambda hr, c: hr.complete(c, "CMP-101", "e2"),
    lambda hr, c: hr.record_exam_attempt(c, "CMP-101", 90, "e2"),
    lambda hr, c: hr.drop(c, "CMP-101", "e2"),
    lambda hr, c: hr.enroll(c, "AI-101", "e2"),
    lambda hr, c: hr.team_progress(c, manager_id="m1"),
    lambda hr, c: hr.preview_team_nudges(c),
    lambda hr, c: hr.send_team_nudges(c),
    lambda hr, c: hr.specialist_kpis(c),
    lambda hr, c: hr.auto_assign_required(c, "e2"),
])
def test_every_service_refuses_an_employee_reaching_beyond_self(hr, service_call):
    with pytest.raises(HRError) as caught:
        service_call(hr, hr.caller_for("e1"))
    assert caught.value.code == "forbidden"


def test_team_progress_covers_the_whole_subtree(hr):
    team = hr.team_progress(hr.caller_for("m1"), period="2026Q1")
    assert [m.employee_id for m in team.members] == ["e1", "e2", "m2"]
    assert (team.completion.numerator, team.completion.denominator) == (2, 4)
    behind = {m.employee_id: [c.course_code for c in m.behind] for m in team.members}
    assert behind == {"e1": ["CMP-101"], "e2": ["CMP-101"], "m2": []}
    assert "CMP-101" in team.to_text("zh")


def test_lookups_and_audience_tags(hr):
    assert hr.employee_by_slack_user("U-e1").id == "e1"
    assert hr.employee_by_wecom_user("w-e2").id == "e2"
    assert hr.employee_by_email("E1@Example.com").id == "e1"
    assert hr.employee_by_id("zzz") is None and hr.employee_by_slack_user("U-none") is None
    assert hr.audience_tags(hr.employee_by_id("e1")) == {"all", "employee", "e1", "rnd-web", "rnd", "corp"}
    with pytest.raises(HRError):
        hr.caller_for("zzz")


def test_recommendations_order(hr):
    recs = hr.recommend_courses(hr.caller_for("e2"))
    assert recs[0].course_code == "SEC-201" and recs[0].reason == "required"
    reasons = [r.reason for r in recs]
    assert reasons == sorted(reasons, key=["required", "remedial", "skill_gap", "preferred_format",
                                           "optional"].index)
    assert all(r.course_code not in ("SEC-101", "CMP-101", "SAL-101") for r in recs)  # taken or not open
    assert recs[0].reason_zh and recs[0].reason_en
