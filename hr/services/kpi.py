"""The KPI engine: employee standing, department adjustment, specialist KPIs, course health, Kirkpatrick levels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlmodel import Session

from hr.caller import Caller
from hr.explain import KpiExplanation, KpiItem, PolicyClause, WhatIf
from hr.policy.model import Clause, Policy, Target
from hr.repositories import course_repo, enrollment_repo, org_repo, report_repo
from hr.repositories.report_repo import EVERYONE, Scope
from hr.rules import employee_rules
from hr.rules.bands import department_adjustment, rate_against_target
from hr.rules.course_health import course_health as health_verdict
from hr.rules.eligibility import required_tags
from hr.rules.kirkpatrick import relative_delta
from hr.rules.periods import Period
from hr.rules.rates import Rate
from hr.services.access import require_department_view, require_privileged, visible_employee


def _clause(key: str, clause: Clause) -> PolicyClause:
    """The YAML key and human text of a policy clause."""
    return PolicyClause(key=key, text_zh=clause.text_zh, text_en=clause.text_en)


def _rate_item(name: str, zh: str, en: str, rate: Rate, formula: str, **extra) -> KpiItem:
    """A KpiItem for a rate, inputs holding numerator and denominator."""
    return KpiItem(name=name, label_zh=zh, label_en=en, value=rate.value, unit="rate", formula=formula,
                   inputs={"numerator": rate.numerator, "denominator": rate.denominator, **extra.pop("inputs", {})},
                   **extra)


def employee_rates(db: Session, employee_id: str, period: Period) -> tuple[Rate, Rate]:
    """(completion, exam pass) for one person in a period, counted in SQL."""
    scope = Scope(employee_id=employee_id)
    due, done = report_repo.completion_counts(db, period.start, period.end, scope)
    tried, passed = report_repo.exam_pass_counts(db, period.start, period.end, scope)
    return Rate(done, due), Rate(passed, tried)


def explain_employee(db: Session, caller: Caller, employee_id: str, *, period: Period, policy: Policy) -> KpiExplanation:
    """A person's training points, 'excellent' floor and promotion eligibility, with the working and what-ifs."""
    employee = visible_employee(db, caller, employee_id)
    completion, exam = employee_rates(db, employee.id, period)
    rules = policy.employee
    points = employee_rules.training_points(completion, exam, policy)
    weights = rules.training_points
    items = [
        _rate_item("completion_rate", "培训完成率", "Completion rate", completion,
                   f"completed / due in {period.name} = {completion.numerator}/{completion.denominator}",
                   clause=_clause("employee.training_points", weights)),
        _rate_item("exam_pass_rate", "考试通过率", "Exam pass rate", exam,
                   f"courses passed / courses examined = {exam.numerator}/{exam.denominator}",
                   clause=_clause("employee.training_points", weights)),
        KpiItem(name="training_points", label_zh="培训积分", label_en="Training points", value=points.total,
                unit="points", formula=f"{_show(completion, weights.empty_rate_counts_as)} × {weights.completion_weight:g}"
                f" + {_show(exam, weights.empty_rate_counts_as)} × {weights.exam_pass_weight:g} = {points.total:g}",
                inputs={"completion_part": points.completion_part, "exam_part": points.exam_part,
                        "empty_rate_counts_as": weights.empty_rate_counts_as},
                thresholds={"max": employee_rules.max_training_points(policy)},
                clause=_clause("employee.training_points", weights)),
        _gate("excellent_allowed", "可评优秀", "May be rated excellent", completion,
              employee_rules.excellent_allowed(completion, policy), rules.excellent_floor.min_completion_rate,
              _clause("employee.excellent_floor", rules.excellent_floor)),
        _gate("promotion_eligible", "满足晋升培训条件", "Meets promotion training bar", completion,
              employee_rules.promotion_eligible(completion, policy), rules.promotion.min_completion_rate,
              _clause("employee.promotion", rules.promotion)),
    ]
    return KpiExplanation(subject_kind="employee", subject_id=employee.id, subject_name=employee.name,
                          period=period.name, policy=policy.name, items=items,
                          what_ifs=_employee_what_ifs(db, employee.id, period, completion, exam, policy))


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
                       policy: Policy) -> list[WhatIf]:
    """Concrete actions: complete each open course due in the period, pass each failed exam, reach the floors."""
    before = employee_rules.training_points(completion, exam, policy).total
    what_ifs = []
    open_rows = [e for e in enrollment_repo.enrollments_of(db, employee_id)
                 if period.contains(e.due_on) and e.status not in ("completed", "dropped")]
    for row in open_rows:
        after_rate = completion.plus(numerator=1)
        after = employee_rules.training_points(after_rate, exam, policy).total
        what_ifs.append(WhatIf(
            action_zh=f"完成 {row.course_code} 后,完成率从 {_pct(completion)} 升至 {_pct(after_rate)},"
                      f"培训积分从 {before:g} 升至 {after:g}",
            action_en=f"Completing {row.course_code} raises your completion rate from {_pct(completion)} to "
                      f"{_pct(after_rate)} and your training points from {before:g} to {after:g}",
            changes={"completion_rate": [completion.value, after_rate.value], "training_points": [before, after]}))
    failed = [code for code, (passed, _best) in
              report_repo.exam_results_by_course(db, employee_id, period.start, period.end).items() if not passed]
    for code in sorted(failed):
        after_exam = exam.plus(numerator=1)
        after = employee_rules.training_points(completion, after_exam, policy).total
        what_ifs.append(WhatIf(
            action_zh=f"通过 {code} 考试后,考试通过率从 {_pct(exam)} 升至 {_pct(after_exam)},培训积分从 {before:g} 升至 {after:g}",
            action_en=f"Passing the {code} exam raises your exam pass rate from {_pct(exam)} to {_pct(after_exam)} "
                      f"and your training points from {before:g} to {after:g}",
            changes={"exam_pass_rate": [exam.value, after_exam.value], "training_points": [before, after]}))
    floor = policy.employee.promotion.min_completion_rate
    needed = employee_rules.completions_needed(completion, floor)
    if needed and open_rows:
        what_ifs.append(WhatIf(
            action_zh=f"再完成 {needed} 门到期课程,完成率即可达到晋升要求的 {floor * 100:g}%",
            action_en=f"Completing {needed} more due course(s) reaches the {floor * 100:g}% needed for promotion",
            changes={"completion_rate": [completion.value, completion.plus(numerator=needed).value]}))
    return what_ifs


def _pct(rate: Rate) -> str:
    """Percent text for what-ifs ('n/a' for 0/0)."""
    return "n/a" if rate.value is None else f"{rate.value * 100:.4g}%"


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
        _rate_item("completion_rate", "部门培训完成率", "Department completion rate", completion,
                   f"completed / due in {period.name} (department and sub-departments) = {done}/{due}"),
        KpiItem(name="performance_adjustment", label_zh="部门绩效调整", label_en="Performance adjustment",
                value=adjustment, unit="points", formula=f"band for completion {completion.percent()} → {adjustment:+g}",
                inputs=completion.to_dict(), thresholds=band_limits,
                verdict=None if band is None else ("penalty" if adjustment < 0 else "bonus"),
                clause=_clause("department.adjustment_bands", band) if band else None),
        _rate_item("exam_pass_rate", "考试通过率", "Exam pass rate", Rate(passed, tried),
                   f"person-courses passed / examined = {passed}/{tried}"),
        _rate_item("timeliness_rate", "按时完成率", "Timeliness rate", Rate(on_time, finished),
                   f"completed by due date / completed = {on_time}/{finished}"),
        _rate_item("participation_rate", "参与率", "Participation rate", Rate(started, enrolled),
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


def _target_item(name: str, zh: str, en: str, value: float | None, target: Target, key: str, formula: str,
                 inputs: dict, unit: str = "rate") -> KpiItem:
    """A specialist KPI rated against its policy target."""
    return KpiItem(name=name, label_zh=zh, label_en=en, value=value, unit=unit, formula=formula, inputs=inputs,
                   thresholds={"met": target.met, "excellent": target.excellent},
                   verdict=rate_against_target(value, target), clause=_clause(key, target))


def specialist_kpis(db: Session, caller: Caller, *, period: Period, policy: Policy, today: date) -> KpiExplanation:
    """The training specialist's KPIs for the company in a period (HR and training specialists only)."""
    require_privileged(caller, "see training-specialist KPIs", "查看培训专员 KPI")
    targets = policy.specialist
    start = datetime.combine(period.start, time.min, tzinfo=UTC)
    cutoff = datetime.combine(min(period.end, today), time.max, tzinfo=UTC)
    use = report_repo.session_use(db, start, cutoff)
    plan = Rate(use.held, use.planned)
    summary = report_repo.enrollment_summary(db, period.start, period.end)
    finished, on_time = summary.completed, summary.on_time
    enrolled, started = summary.people, summary.people_started
    coverage = _required_coverage(db)
    quarters = max(1, round(((period.end - period.start).days + 1) / 91))
    inst_hours = targets.instructor_utilisation.model_extra.get("available_hours_per_instructor", 120)
    venue_slots = targets.venue_utilisation.model_extra.get("available_slots_per_venue", 60)
    inst_available = use.instructors * inst_hours * quarters
    venue_available = use.venues * venue_slots * quarters
    responses, avg, _good = report_repo.satisfaction_counts(db, period.start, period.end,
                                                            policy.course_health.good_rating_at_least)
    satisfaction = None if avg is None else round(avg * 20, 2)
    tried, passed = report_repo.exam_pass_counts(db, period.start, period.end)
    exam = Rate(passed, tried)
    items = [
        _target_item("plan_completion_rate", "培训计划完成率", "Plan completion rate", plan.value,
                     targets.plan_completion_rate, "specialist.plan_completion_rate",
                     f"sessions held / sessions planned up to {min(period.end, today)} = {use.held}/{use.planned}",
                     plan.to_dict()),
        _target_item("timeliness_rate", "培训及时率", "Timeliness rate", Rate(on_time, finished).value,
                     targets.timeliness_rate, "specialist.timeliness_rate",
                     f"on-time completions / completions = {on_time}/{finished}", Rate(on_time, finished).to_dict()),
        _target_item("participation_rate", "学员参与率", "Participation rate", Rate(started, enrolled).value,
                     targets.participation_rate, "specialist.participation_rate",
                     f"people who started / people enrolled = {started}/{enrolled}", Rate(started, enrolled).to_dict()),
        _target_item("course_coverage", "课程覆盖率", "Course coverage", coverage.value, targets.course_coverage,
                     "specialist.course_coverage",
                     f"target learners who completed their required courses / target learners = "
                     f"{coverage.numerator}/{coverage.denominator}", coverage.to_dict()),
        _target_item("instructor_utilisation", "讲师利用率", "Instructor utilisation",
                     use.hours_held / inst_available if inst_available else None, targets.instructor_utilisation,
                     "specialist.instructor_utilisation",
                     f"hours taught / ({use.instructors} instructors × {inst_hours} h × {quarters} quarter(s)) = "
                     f"{use.hours_held:g}/{inst_available}", {"numerator": use.hours_held, "denominator": inst_available}),
        _target_item("venue_utilisation", "场地利用率", "Venue utilisation",
                     use.held / venue_available if venue_available else None, targets.venue_utilisation,
                     "specialist.venue_utilisation",
                     f"sessions held / ({use.venues} venues × {venue_slots} slots × {quarters} quarter(s)) = "
                     f"{use.held}/{venue_available}", {"numerator": use.held, "denominator": venue_available}),
        _target_item("satisfaction_score", "学员满意度", "Satisfaction score", satisfaction, targets.satisfaction_score,
                     "specialist.satisfaction_score", f"average rating × 20 over {responses} responses",
                     {"responses": responses, "average_rating": avg}, unit="score"),
        _target_item("exam_pass_rate", "考试及格率", "Exam pass rate", exam.value, targets.exam_pass_rate,
                     "specialist.exam_pass_rate", f"person-courses passed / examined = {passed}/{tried}",
                     exam.to_dict()),
    ]
    return KpiExplanation(subject_kind="company", subject_id="corp", subject_name="training specialist KPIs",
                          period=period.name, policy=policy.name, items=items)


def _required_coverage(db: Session) -> Rate:
    """Sum over required courses of (target learners who completed, target learners)."""
    total = Rate(0, 0)
    for course in course_repo.list_courses(db):
        everyone, tags = required_tags(course.required_for)
        if not everyone and not tags:
            continue
        targets, done = report_repo.required_coverage(db, course.code, tags, everyone)
        total = total.plus(done, targets)
    return total


@dataclass(frozen=True)
class CourseHealth:
    """A course's recent quarterly completion, its good-rating share and the verdict."""

    course_code: str
    title: str
    quarters: list[tuple[str, Rate]]
    good_ratings: Rate
    verdict: str
    clause: PolicyClause

    def to_dict(self) -> dict:
        """JSON form."""
        return {"course_code": self.course_code, "title": self.title, "verdict": self.verdict,
                "quarters": {name: rate.to_dict() for name, rate in self.quarters},
                "good_ratings": self.good_ratings.to_dict(), "clause": self.clause.model_dump()}


def course_health(db: Session, caller: Caller, *, period: Period, policy: Policy) -> list[CourseHealth]:
    """Redesign / promote / ok for every course, from the last N quarters ending with the period."""
    require_privileged(caller, "see course health", "查看课程健康度")
    rules = policy.course_health
    quarters = [period]
    while len(quarters) < rules.redesign_after_quarters:
        quarters.insert(0, quarters[0].previous_quarter())
    per_quarter = [(q.name, report_repo.completion_by_course(db, q.start, q.end)) for q in quarters]
    ratings = report_repo.ratings_by_course(db, quarters[0].start, period.end, rules.good_rating_at_least)
    result = []
    for course in course_repo.list_courses(db):
        series = [(name, Rate(counts.get(course.code, (0, 0))[1], counts.get(course.code, (0, 0))[0]))
                  for name, counts in per_quarter]
        responses, good = ratings.get(course.code, (0, 0))
        good_rate = Rate(good, responses)
        verdict = health_verdict([r for _n, r in series], good_rate, rules)
        result.append(CourseHealth(course.code, course.title, series, good_rate, verdict,
                                   _clause("course_health", rules)))
    return result


def kirkpatrick(db: Session, caller: Caller, *, period: Period, policy: Policy,
                course_code: str | None = None) -> KpiExplanation:
    """Levels 1-4: satisfaction, exam pass, and trained-vs-untrained behaviour and business deltas."""
    require_privileged(caller, "see Kirkpatrick evaluation", "查看柯氏四级评估")
    responses, avg, good = report_repo.satisfaction_counts(db, period.start, period.end,
                                                           policy.course_health.good_rating_at_least, course_code)
    tried, passed = report_repo.exam_pass_counts(db, period.start, period.end)
    groups = report_repo.trained_vs_untrained(db, period.name, period.start, period.end, course_code)
    trained, untrained = groups[True], groups[False]
    l3 = relative_delta(trained.behavior, untrained.behavior)
    l4 = relative_delta(trained.business, untrained.business)
    group_inputs = {"trained_people": trained.people, "untrained_people": untrained.people}
    items = [
        KpiItem(name="level1_satisfaction", label_zh="一级 反应层(满意度)", label_en="Level 1 reaction (satisfaction)",
                value=None if avg is None else round(avg * 20, 2), unit="score",
                formula=f"average rating × 20 over {responses} responses ({good} rated good)",
                inputs={"responses": responses, "average_rating": avg, "good": good},
                thresholds={"met": policy.specialist.satisfaction_score.met,
                            "excellent": policy.specialist.satisfaction_score.excellent},
                verdict=rate_against_target(None if avg is None else avg * 20, policy.specialist.satisfaction_score),
                clause=_clause("specialist.satisfaction_score", policy.specialist.satisfaction_score)),
        _rate_item("level2_exam_pass", "二级 学习层(考试通过率)", "Level 2 learning (exam pass rate)", Rate(passed, tried),
                   f"person-courses passed / examined = {passed}/{tried}",
                   thresholds={"met": policy.specialist.exam_pass_rate.met,
                               "excellent": policy.specialist.exam_pass_rate.excellent},
                   verdict=rate_against_target(Rate(passed, tried).value, policy.specialist.exam_pass_rate),
                   clause=_clause("specialist.exam_pass_rate", policy.specialist.exam_pass_rate)),
        KpiItem(name="level3_behavior_delta", label_zh="三级 行为层(受训 vs 未受训)", label_en="Level 3 behaviour (trained vs untrained)",
                value=l3, unit="rate", formula=f"(trained {trained.behavior} − untrained {untrained.behavior}) / untrained",
                inputs=group_inputs, thresholds={"met": policy.kirkpatrick.level3.met,
                                                 "excellent": policy.kirkpatrick.level3.excellent},
                verdict=rate_against_target(l3, policy.kirkpatrick.level3),
                clause=_clause("kirkpatrick.level3", policy.kirkpatrick.level3)),
        KpiItem(name="level4_business_delta", label_zh="四级 结果层(受训 vs 未受训)", label_en="Level 4 results (trained vs untrained)",
                value=l4, unit="rate", formula=f"(trained {trained.business} − untrained {untrained.business}) / untrained",
                inputs=group_inputs, thresholds={"met": policy.kirkpatrick.level4.met,
                                                 "excellent": policy.kirkpatrick.level4.excellent},
                verdict=rate_against_target(l4, policy.kirkpatrick.level4),
                clause=_clause("kirkpatrick.level4", policy.kirkpatrick.level4)),
    ]
    subject = course_code or "all courses"
    return KpiExplanation(subject_kind="kirkpatrick", subject_id=subject, subject_name=f"Kirkpatrick · {subject}",
                          period=period.name, policy=policy.name, items=items)


__all__ = ["CourseHealth", "course_health", "department_kpi", "employee_rates", "explain_employee", "kirkpatrick",
           "specialist_kpis", "EVERYONE"]
