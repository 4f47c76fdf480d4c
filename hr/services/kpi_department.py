"""Department KPI: subtree completion, the policy adjustment band, exam pass, timeliness, participation."""

from __future__ import annotations

from sqlmodel import Session

from hr import plural
from hr.caller import Caller
from hr.errors import HRError
from hr.explain import KpiExplanation, KpiItem, WhatIf
from hr.policy.model import Policy
from hr.repositories import org_repo, report_repo
from hr.repositories.counting import counting_rule
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
    rule = counting_rule(db, policy.completion.completion_counts)
    summary = report_repo.enrollment_summary(db, period.start, period.end, scope, rule)
    by_course = report_repo.completion_by_course(db, period.start, period.end, scope, rule)
    counted = {code: f"{c.completed}/{c.due}" for code, c in sorted(by_course.items()) if c.due}
    optional_by_course = {code: f"{c.optional_completed}/{c.optional_due}" for code, c in sorted(by_course.items())
                          if c.optional_due}
    optional = Rate(summary.optional_completed, summary.optional_due)
    kind = "required" if rule.mode == "required" else "required or assigned"
    due, done, finished, on_time = summary.due, summary.completed, summary.completed, summary.on_time
    enrolled, started = summary.people, summary.people_started
    completion = Rate(done, due)
    tried, passed = report_repo.exam_pass_counts(db, period.start, period.end, scope)
    adjustment, band = department_adjustment(completion.value, policy.department.adjustment_bands)
    band_limits = {k: v for b in policy.department.adjustment_bands
                   for k, v in (("below", b.below), ("at_least", b.at_least)) if v is not None}
    items = [
        rate_item("completion_rate", "部门培训完成率", "Department completion rate", completion,
                   f"{kind} enrollments completed / due in {period.name} (department and sub-departments) = "
                   f"{done}/{due}; by course: {_listing(counted)}",
                   inputs={"counted_by_course": counted, "counts": rule.mode},
                   clause=clause_of("completion", policy.completion)),
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
        rate_item("optional_completion", "选修课程完成（不计入）", "Optional courses (not counted)", optional,
                   f"optional enrollments completed / due = {optional.numerator}/{optional.denominator}; "
                   f"by course: {_listing(optional_by_course)}", verdict="not_counted",
                   inputs={"optional_by_course": optional_by_course}),
    ]
    what_ifs = []
    floor = next((b.below for b in policy.department.adjustment_bands if b.below is not None), None)
    if floor is not None and completion.value is not None and completion.value < floor:
        needed = employee_rules.completions_needed(completion, floor)
        what_ifs.append(WhatIf(
            action_zh=f"再完成 {needed} 项到期培训，部门完成率达到 {floor * 100:g}%，可免除 {adjustment:g} 的扣分",
            action_en=f"{needed} more {plural.noun(needed, 'completion')} {'brings' if needed == 1 else 'bring'} the department to {floor * 100:g}% and remove the "
                      f"{adjustment:g} adjustment",
            changes={"completion_rate": [completion.value, completion.plus(numerator=needed).value],
                     "performance_adjustment": [adjustment, 0.0]}))
    return KpiExplanation(subject_kind="department", subject_id=department_id, subject_name=department.name,
                          period=period.name, policy=policy.name, items=items, what_ifs=what_ifs)


def department_kpis(db: Session, caller: Caller, *, period: Period, policy: Policy) -> list[KpiExplanation]:
    """Every department the caller may see, side by side ("各部门的KPI"): all of them for HR, a head's own subtree."""
    shown, refusal = [], None
    for department in org_repo.list_departments(db):
        try:
            shown.append(department_kpi(db, caller, department.id, period=period, policy=policy))
        except HRError as exc:
            if exc.code != "forbidden":
                raise
            refusal = exc
    if not shown and refusal is not None:
        raise refusal
    return shown


def _listing(per_course: dict[str, str]) -> str:
    """'SEC-101 3/4, CMP-101 2/3' or 'none'."""
    return ", ".join(f"{code} {share}" for code, share in per_course.items()) or "none"
