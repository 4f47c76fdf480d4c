"""Training-specialist KPIs for the company, each rated against its policy target."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlmodel import Session

from hr import plural
from hr.caller import Caller
from hr.explain import KpiExplanation
from hr.policy.model import Policy
from hr.repositories import course_repo, org_repo, report_repo
from hr.rules.eligibility import required_tags
from hr.rules.periods import Period
from hr.rules.rates import Rate
from hr.services.access import require_privileged
from hr.services.kpi_items import target_item


def specialist_kpis(db: Session, caller: Caller, *, period: Period, policy: Policy, today: date) -> KpiExplanation:
    """The training specialist's KPIs for the company in a period: HR, training specialists, and a manager of
    training specialists (the head of HR manages the people these KPIs measure)."""
    if not _manages_a_specialist(db, caller):
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
        target_item("plan_completion_rate", "培训计划完成率", "Plan completion rate", plan.value,
                     targets.plan_completion_rate, "specialist.plan_completion_rate",
                     f"sessions held / sessions planned up to {min(period.end, today)} = {use.held}/{use.planned}",
                     plan.to_dict()),
        target_item("timeliness_rate", "培训及时率", "Timeliness rate", Rate(on_time, finished).value,
                     targets.timeliness_rate, "specialist.timeliness_rate",
                     f"on-time completions / completions = {on_time}/{finished}", Rate(on_time, finished).to_dict()),
        target_item("participation_rate", "学员参与率", "Participation rate", Rate(started, enrolled).value,
                     targets.participation_rate, "specialist.participation_rate",
                     f"people who started / people enrolled = {started}/{enrolled}", Rate(started, enrolled).to_dict()),
        target_item("course_coverage", "课程覆盖率", "Course coverage", coverage.value, targets.course_coverage,
                     "specialist.course_coverage",
                     f"target learners who completed their required courses / target learners = "
                     f"{coverage.numerator}/{coverage.denominator}", coverage.to_dict()),
        target_item("instructor_utilisation", "讲师利用率", "Instructor utilisation",
                     use.hours_held / inst_available if inst_available else None, targets.instructor_utilisation,
                     "specialist.instructor_utilisation",
                     f"hours taught / ({use.instructors} instructors × {inst_hours} h × {plural.count(quarters, 'quarter')}) = "
                     f"{use.hours_held:g}/{inst_available}", {"numerator": use.hours_held, "denominator": inst_available}),
        target_item("venue_utilisation", "场地利用率", "Venue utilisation",
                     use.held / venue_available if venue_available else None, targets.venue_utilisation,
                     "specialist.venue_utilisation",
                     f"sessions held / ({use.venues} venues × {venue_slots} slots × {plural.count(quarters, 'quarter')}) = "
                     f"{use.held}/{venue_available}", {"numerator": use.held, "denominator": venue_available}),
        target_item("satisfaction_score", "学员满意度", "Satisfaction score", satisfaction, targets.satisfaction_score,
                     "specialist.satisfaction_score", f"average rating × 20 over {plural.count(responses, 'response')}",
                     {"responses": responses, "average_rating": avg}, unit="score"),
        target_item("exam_pass_rate", "考试及格率", "Exam pass rate", exam.value, targets.exam_pass_rate,
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


def _manages_a_specialist(db: Session, caller: Caller) -> bool:
    """Whether a training specialist reports to the caller, directly or through other managers."""
    return caller.role == "manager" and org_repo.subtree_has_role(db, caller.id, "training_specialist")
