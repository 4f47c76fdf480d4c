"""Department KPI: subtree completion, the policy adjustment band, exam pass, timeliness, participation."""

from __future__ import annotations

from sqlmodel import Session

from hr.caller import Caller
from hr.explain import KpiExplanation, KpiItem, WhatIf
from hr.policy.model import Policy
from hr.repositories import org_repo, report_repo
from hr.repositories.report_repo import Scope
from hr.rules import employee_rules
from hr.rules.bands import department_adjustment
from hr.rules.periods import Period
from hr.rules.rates import Rate
from hr.services.access import require_department_view
from hr.services.kpi_items import clause_of, rate_item


def department_kpi(db: Session, caller: Caller, department_id: str, *, period: Period,
                   policy: Policy) -> KpiExplanation:
    """A department's (whole subtree's) completion, adjustment band, exam pass, timeliness and participation."""
    require_department_view(db, caller, department_id)
    department = org_repo.get_department(db, department_id)
    scope = Scope(department_id=department_id)
    summary = report_repo.enrollment_summary(db, period.start, period.end, scope)
    due, done, finished, on_time = summary.due, summary.completed, summary.completed, summary.on_time
    enrolled, started = summary.people, summary.people_started
    completion = Rate(done, due)
    tried, passed = report_repo.exam_pass_counts(db, period.start, period.end, scope)
    adjustment, band = department_adjustment(completion.value, policy.department.adjustment_bands)
    band_limits = {k: v for b in policy.department.adjustment_bands
                   for k, v in (("below", b.below), ("at_least", b.at_least)) if v is not None}
    items = [
        rate_item("completion_rate", "部门培训完成率", "Department completion rate", completion,
                   f"completed / due in {period.name} (department and sub-departments) = {done}/{due}"),
        KpiItem(name="performance_adjustment", label_zh="部门绩效调整", label_en="Performance adjustment",
                value=adjustment, unit="points", formula=f"band for completion {completion.percent()} → {adjustment:+g}",
                inputs=completion.to_dict(), thresholds=band_limits,
                verdict=None if band is None else ("penalty" if adjustment < 0 else "bonus"),
                clause=clause_of("department.adjustment_bands", band) if band else None),
        rate_item("exam_pass_rate", "考试通过率", "Exam pass rate", Rate(passed, tried),
                   f"person-courses passed / examined = {passed}/{tried}"),
        rate_item("timeliness_rate", "按时完成率", "Timeliness rate", Rate(on_time, finished),
                   f"completed by due date / completed = {on_time}/{finished}"),
        rate_item("participation_rate", "参与率", "Participation rate", Rate(started, enrolled),
                   f"people who started / people enrolled = {started}/{enrolled}"),
    ]
    what_ifs = []
    floor = next((b.below for b in policy.department.adjustment_bands if b.below is not None), None)
    if floor is not None and completion.value is not None and completion.value < floor:
        needed = employee_rules.completions_needed(completion, floor)
        what_ifs.append(WhatIf(
            action_zh=f"再完成 {needed} 项到期培训,部门完成率达到 {floor * 100:g}%,可免除 {adjustment:g} 的扣分",
            action_en=f"{needed} more completions bring the department to {floor * 100:g}% and remove the "
                      f"{adjustment:g} adjustment",
            changes={"completion_rate": [completion.value, completion.plus(numerator=needed).value],
                     "performance_adjustment": [adjustment, 0.0]}))
    return KpiExplanation(subject_kind="department", subject_id=department_id, subject_name=department.name,
                          period=period.name, policy=policy.name, items=items, what_ifs=what_ifs)
