"""KPI figures against the hand-computed numbers in seed.py (period 2026Q1)."""

from __future__ import annotations

import json

import pytest

from hr.errors import HRError
from hr.policy import load_policy
from hr.policy.model import DEFAULT_POLICY_FILE
from hr.service import HRService


def test_employee_explain_matches_hand_computation(hr):
    result = hr.explain_employee_kpi(hr.caller_for("e1"), period="2026Q1")
    completion = result.item("completion_rate")
    assert (completion.inputs["numerator"], completion.inputs["denominator"], completion.value) == (1, 2, 0.5)
    assert completion.inputs["counted_courses"] == ["SEC-101", "CMP-101"]  # AI-101, DATA-101 are optional
    assert "SEC-101 ✓, CMP-101" in completion.formula and completion.clause.key == "completion"
    optional = result.item("optional_completion")
    assert (optional.inputs["numerator"], optional.inputs["denominator"], optional.verdict) == (2, 2, "not_counted")
    exam = result.item("exam_pass_rate")
    assert (exam.inputs["numerator"], exam.inputs["denominator"]) == (1, 1)
    assert exam.clause is None  # the weights clause belongs to the training points, quoted once there
    points = result.item("training_points")
    assert points.value == 10 and points.inputs == {"completion_part": 5.0, "exam_part": 5.0,
                                                      "empty_rate_counts_as": 1.0}
    assert points.clause.key == "employee.training_points" and "10%" in points.clause.text_zh
    assert result.item("excellent_allowed").value == 0.0
    assert result.item("promotion_eligible").thresholds == {"min_completion_rate": 0.9}
    cmp = next(w for w in result.what_ifs if "CMP-101" in w.action_en)
    assert cmp.changes == {"completion_rate": [0.5, 1.0], "training_points": [10.0, 15.0]}
    assert "from 50% to 100%" in cmp.action_en and "10" in cmp.action_en and "15" in cmp.action_en
    assert " your " not in cmp.action_en  # a manager or HR may be reading someone else's KPI
    assert "培训积分" in result.to_text("zh") and "Training points" in result.to_text("en")
    assert json.loads(result.to_json())["items"][0]["name"] == "completion_rate"


def test_failed_exam_what_if_and_zero_pass_rate(hr):
    result = hr.explain_employee_kpi(hr.caller_for("hr1"), "e2", period="2026Q1")
    assert result.item("completion_rate").value == 0.5
    assert result.item("exam_pass_rate").value == 0.0
    assert result.item("training_points").value == 5.0  # 0.5*10 + 0*5
    passing = next(w for w in result.what_ifs if "exam" in w.action_en)
    assert passing.changes["training_points"] == [5.0, 10.0]


def test_nothing_due_counts_as_met_per_policy(hr, tmp_path):
    full = hr.explain_employee_kpi(hr.caller_for("m1"), period="2026Q1")
    assert full.item("completion_rate").value is None and full.item("training_points").value == 15.0
    text = DEFAULT_POLICY_FILE.read_text(encoding="utf-8").replace("empty_rate_counts_as: 1.0",
                                                                   "empty_rate_counts_as: 0.0")
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    strict = HRService(hr.engine, load_policy(tmp_path / "p.yaml"), clock=hr.clock)
    assert strict.explain_employee_kpi(strict.caller_for("m1"), period="2026Q1").item("training_points").value == 0


def test_department_kpi_subtree_penalty_and_rates(hr):
    result = hr.department_kpi(hr.caller_for("hr1"), "rnd", period="2026Q1")
    completion = result.item("completion_rate")
    assert (completion.inputs["numerator"], completion.inputs["denominator"]) == (2, 4)
    assert completion.inputs["counted_by_course"] == {"CMP-101": "0/2", "SEC-101": "2/2"}
    assert result.item("optional_completion").inputs["optional_by_course"] == {"AI-101": "1/1", "DATA-101": "1/1"}
    adjustment = result.item("performance_adjustment")
    assert adjustment.value == -5 and adjustment.clause.key == "department.adjustment_bands"
    assert result.item("exam_pass_rate").inputs["numerator"] == 1 and result.item("exam_pass_rate").value == 0.5
    assert result.item("timeliness_rate").value == 0.5  # e2's SEC-101 finished after its due date
    assert result.item("participation_rate").value == 1.0
    assert result.what_ifs and result.what_ifs[0].changes["performance_adjustment"] == [-5.0, 0.0]
    assert "2 more" in result.what_ifs[0].action_en  # 4/4 needed for >= 90%: (2+2)/4


def test_bonus_band_from_a_custom_policy(hr, tmp_path):
    text = DEFAULT_POLICY_FILE.read_text(encoding="utf-8").replace(
        "    # A bonus band is possible, e.g.:\n",
        "    - at_least: 0.98\n      adjustment: 2\n      text_zh: 奖励\n      text_en: bonus\n")
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    custom = HRService(hr.engine, load_policy(tmp_path / "p.yaml"), clock=hr.clock)
    sales = custom.department_kpi(custom.caller_for("hr1"), "sales", period="2026Q1")
    assert sales.item("performance_adjustment").value == 2
    assert sales.item("performance_adjustment").verdict == "bonus"


def test_department_kpi_access(hr, seeded):
    assert hr.department_kpi(hr.caller_for("m1"), "rnd-web", period="2026Q1").item("completion_rate").value == 0.5
    assert hr.department_kpi(hr.caller_for("ceo"), "sales", period="2026Q1").item("completion_rate").value == 1.0
    for who, dept in (("m2", "rnd"), ("e1", "rnd-web"), ("m1", "sales")):
        with pytest.raises(HRError) as caught:
            hr.department_kpi(hr.caller_for(who), dept, period="2026Q1")
        assert caught.value.code == "forbidden"
    with pytest.raises(HRError) as caught:
        hr.department_kpi(hr.caller_for("hr1"), "nope", period="2026Q1")
    assert caught.value.code == "not_found"


def test_specialist_kpis(hr):
    result = hr.specialist_kpis(hr.caller_for("ts1"), period="2026Q1")
    assert result.item("timeliness_rate").inputs == {"numerator": 4, "denominator": 5, "value": 0.8}
    assert result.item("exam_pass_rate").inputs["numerator"] == 2 and result.item("exam_pass_rate").inputs[
        "denominator"] == 3
    assert result.item("exam_pass_rate").verdict == "below_target"
    # required coverage: SEC-101 (all, 8 people: e1, e2, m2 done), CMP-101 (all: none), SAL-101 (sales: s1 done),
    # SEC-201 (rnd;it: m1, m2, e1, e2: none) -> 4 / (8 + 8 + 1 + 4)
    assert result.item("course_coverage").inputs == {"numerator": 4, "denominator": 21, "value": round(4 / 21, 6)}
    assert result.item("plan_completion_rate").value is None  # no session was due yet
    with pytest.raises(HRError):
        hr.specialist_kpis(hr.caller_for("m1"), period="2026Q1")


def test_kirkpatrick_and_course_health_need_privilege(hr):
    with pytest.raises(HRError):
        hr.kirkpatrick(hr.caller_for("e1"))
    with pytest.raises(HRError):
        hr.course_health(hr.caller_for("m1"))
    levels = hr.kirkpatrick(hr.caller_for("hr1"), period="2026Q1")
    assert [i.name for i in levels.items] == ["level1_satisfaction", "level2_exam_pass", "level3_behavior_delta",
                                              "level4_business_delta"]
    health = {h.course_code: h for h in hr.course_health(hr.caller_for("hr1"), period="2026Q1")}
    assert [name for name, _rate in health["CMP-101"].quarters] == ["2025Q4", "2026Q1"]


def test_a_team_lead_inside_a_department_cannot_see_the_whole_department(hr, seeded):
    from hr.db import session_scope
    from hr.models import Employee

    with session_scope(seeded, write=True) as db:
        db.add(Employee(id="lead", name="Lead", department_id="rnd", manager_id="m1", role="manager"))
    with pytest.raises(HRError) as caught:
        hr.department_kpi(hr.caller_for("lead"), "rnd", period="2026Q1")
    assert caught.value.code == "forbidden"


def test_every_department_side_by_side_is_what_the_caller_may_see(hr, seeded):
    """HR sees every department's KPI; a department head only their own subtree; an employee none (refused)."""
    everyone = hr.department_kpis(hr.caller_for("hr1"), period="2026Q1")
    assert [k.subject_id for k in everyone] == ["corp", "rnd", "rnd-web", "sales"]
    rnd = next(k for k in everyone if k.subject_id == "rnd")
    assert rnd.item("performance_adjustment").value == hr.department_kpi(
        hr.caller_for("hr1"), "rnd", period="2026Q1").item("performance_adjustment").value == -5
    assert [k.subject_id for k in hr.department_kpis(hr.caller_for("m1"), period="2026Q1")] == ["rnd", "rnd-web"]
    with pytest.raises(HRError) as caught:
        hr.department_kpis(hr.caller_for("e1"), period="2026Q1")
    assert caught.value.code == "forbidden"


def test_a_manager_of_training_specialists_may_see_their_kpis(hr):
    """ts1 reports to ceo: the specialists' KPIs measure people the CEO manages; m1 manages none and is refused."""
    assert hr.caller_for("ceo").role == "manager"
    result = hr.specialist_kpis(hr.caller_for("ceo"), period="2026Q1")
    assert result.item("timeliness_rate").inputs["denominator"] == 5
    with pytest.raises(HRError):
        hr.specialist_kpis(hr.caller_for("m1"), period="2026Q1")
