"""Employee KPI standing: training points, the excellent floor, promotion eligibility, with what-ifs."""

from __future__ import annotations

from sqlmodel import Session

from hr import plural
from hr.caller import Caller
from hr.explain import KpiExplanation, KpiItem, PolicyClause, WhatIf
from hr.models import Employee
from hr.policy.model import Policy
from hr.repositories import enrollment_repo, report_repo
from hr.repositories.counting import EVERY_ENROLLMENT, CountingRule, counting_rule
from hr.repositories.report_repo import Scope
from hr.rules import employee_rules
from hr.rules.periods import Period
from hr.rules.rates import Rate
from hr.services.access import visible_employee
from hr.services.counted_courses import CountedCourses, counted_courses
from hr.services.kpi_items import clause_of, rate_item


def employee_rates(db: Session, employee: Employee, period: Period,
                   rule: CountingRule = EVERY_ENROLLMENT) -> tuple[Rate, Rate, Rate, CountedCourses]:
    """(completion, exam pass, optional completion, the course lists) for one person in a period: completion from
    the person's own rows with the counting rule (so the figure and the courses it names can never disagree)."""
    listed = counted_courses(db, employee, period, rule)
    tried, passed = report_repo.exam_pass_counts(db, period.start, period.end, Scope(employee_id=employee.id))
    return (Rate(len(listed.completed_codes()), len(listed.counted)), Rate(passed, tried),
            Rate(sum(done for _code, done in listed.optional), len(listed.optional)), listed)


def explain_employee(db: Session, caller: Caller, employee_id: str, *, period: Period, policy: Policy) -> KpiExplanation:
    """A person's training points, 'excellent' floor and promotion eligibility, with the working and what-ifs."""
    employee = visible_employee(db, caller, employee_id)
    rule = counting_rule(db, policy.completion.completion_counts)
    completion, exam, optional, listed = employee_rates(db, employee, period, rule)
    rules = policy.employee
    points = employee_rules.training_points(completion, exam, policy)
    weights = rules.training_points
    kind = "required" if rule.mode == "required" else "required or assigned"
    items = [
        rate_item("completion_rate", "培训完成率", "Completion rate", completion,
                   f"{kind} courses completed / due in {period.name} = {completion.numerator}/"
                   f"{completion.denominator}; counted: {listed.counted_text()}",
                   inputs={"counted_courses": listed.counted_codes(), "completed_courses": listed.completed_codes(),
                           "counts": rule.mode},
                   clause=clause_of("completion", policy.completion)),
        rate_item("exam_pass_rate", "考试通过率", "Exam pass rate", exam,
                   f"courses passed / courses examined = {exam.numerator}/{exam.denominator}"),
        # the weights clause is the training points' rule: quoted under that figure, not under the pass rate
        KpiItem(name="training_points", label_zh="培训积分", label_en="Training points", value=points.total,
                unit="points", formula=f"{_show(completion, weights.empty_rate_counts_as)} × {weights.completion_weight:g}"
                f" + {_show(exam, weights.empty_rate_counts_as)} × {weights.exam_pass_weight:g} = {points.total:g}",
                inputs={"completion_part": points.completion_part, "exam_part": points.exam_part,
                        "empty_rate_counts_as": weights.empty_rate_counts_as},
                thresholds={"max": employee_rules.max_training_points(policy)},
                clause=clause_of("employee.training_points", weights)),
        _gate("excellent_allowed", "可评优秀", "May be rated excellent", completion,
              employee_rules.excellent_allowed(completion, policy), rules.excellent_floor.min_completion_rate,
              clause_of("employee.excellent_floor", rules.excellent_floor)),
        _gate("promotion_eligible", "满足晋升培训条件", "Meets promotion training bar", completion,
              employee_rules.promotion_eligible(completion, policy), rules.promotion.min_completion_rate,
              clause_of("employee.promotion", rules.promotion)),
        rate_item("optional_completion", "选修课程完成（不计入）", "Optional courses (not counted)", optional,
                   f"optional courses completed / due in {period.name} = {optional.numerator}/{optional.denominator}"
                   f"; {listed.optional_text()}", verdict="not_counted",
                   inputs={"optional_courses": [c for c, _d in listed.optional]},
                   clause=clause_of("completion", policy.completion)),
    ]
    return KpiExplanation(subject_kind="employee", subject_id=employee.id, subject_name=employee.name,
                          period=period.name, policy=policy.name, items=items,
                          what_ifs=_employee_what_ifs(db, employee.id, period, completion, exam, policy,
                                                     set(listed.counted_codes())))


def _show(rate: Rate, empty: float) -> str:
    """A rate as used in a formula, noting the stand-in for 0/0."""
    return f"{rate.value:.4g}" if rate.value is not None else f"{empty:g} (nothing counted)"


def _gate(name: str, zh: str, en: str, completion: Rate, allowed: bool, floor: float, clause: PolicyClause) -> KpiItem:
    """A yes/no rule driven by the completion rate."""
    return KpiItem(name=name, label_zh=zh, label_en=en, value=1.0 if allowed else 0.0, unit="bool",
                   formula=f"completion {completion.percent()} ≥ {floor * 100:g}%",
                   inputs=completion.to_dict(), thresholds={"min_completion_rate": floor},
                   verdict="yes" if allowed else "no", clause=clause)


def _employee_what_ifs(db: Session, employee_id: str, period: Period, completion: Rate, exam: Rate,
                       policy: Policy, counted: set[str]) -> list[WhatIf]:
    """Concrete actions: complete each open course due in the period, pass each failed exam, reach the floors."""
    before = employee_rules.training_points(completion, exam, policy).total
    what_ifs = []
    open_rows = [e for e in enrollment_repo.enrollments_of(db, employee_id)
                 if period.contains(e.due_on) and e.status not in ("completed", "dropped")
                 and e.course_code in counted]
    for row in open_rows:
        after_rate = completion.plus(numerator=1)
        after = employee_rules.training_points(after_rate, exam, policy).total
        what_ifs.append(WhatIf(
            action_zh=f"完成 {row.course_code} 后，完成率从 {_pct(completion)} 升至 {_pct(after_rate)}，"
                      f"培训积分从 {before:g} 升至 {after:g}",
            action_en=f"Completing {row.course_code} raises the completion rate from {_pct(completion)} to "
                      f"{_pct(after_rate)} and the training points from {before:g} to {after:g}",
            changes={"completion_rate": [completion.value, after_rate.value], "training_points": [before, after]}))
    failed = [code for code, (passed, _best) in
              report_repo.exam_results_by_course(db, employee_id, period.start, period.end).items() if not passed]
    for code in sorted(failed):
        after_exam = exam.plus(numerator=1)
        after = employee_rules.training_points(completion, after_exam, policy).total
        what_ifs.append(WhatIf(
            action_zh=f"通过 {code} 考试后，考试通过率从 {_pct(exam)} 升至 {_pct(after_exam)}，培训积分从 {before:g} 升至 {after:g}",
            action_en=f"Passing the {code} exam raises the exam pass rate from {_pct(exam)} to {_pct(after_exam)} "
                      f"and the training points from {before:g} to {after:g}",
            changes={"exam_pass_rate": [exam.value, after_exam.value], "training_points": [before, after]}))
    floor = policy.employee.promotion.min_completion_rate
    needed = employee_rules.completions_needed(completion, floor)
    if needed and open_rows:
        what_ifs.append(WhatIf(
            action_zh=f"再完成 {needed} 门到期课程，完成率即可达到晋升要求的 {floor * 100:g}%",
            action_en=f"Completing {needed} more due {plural.noun(needed, 'course')} reaches the {floor * 100:g}% needed for promotion",
            changes={"completion_rate": [completion.value, completion.plus(numerator=needed).value]}))
    return what_ifs


def _pct(rate: Rate) -> str:
    """Percent text for what-ifs ('n/a' for 0/0)."""
    return "n/a" if rate.value is None else f"{rate.value * 100:.4g}%"
