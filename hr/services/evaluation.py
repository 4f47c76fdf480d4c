"""Training evaluation: course health (redesign / promote) and Kirkpatrick levels 1-4."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from hr import plural
from hr.caller import Caller
from hr.explain import KpiExplanation, KpiItem, PolicyClause
from hr.policy.model import Policy
from hr.repositories import course_repo, report_repo
from hr.rules.bands import rate_against_target
from hr.rules.course_health import course_health as health_verdict
from hr.rules.kirkpatrick import relative_delta
from hr.rules.periods import Period
from hr.rules.rates import Rate
from hr.services.access import require_privileged
from hr.services.kpi_items import clause_of, rate_item


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
        series = [(name, _all_enrollments(counts.get(course.code))) for name, counts in per_quarter]
        responses, good = ratings.get(course.code, (0, 0))
        good_rate = Rate(good, responses)
        verdict = health_verdict([r for _n, r in series], good_rate, rules)
        result.append(CourseHealth(course.code, course.title, series, good_rate, verdict,
                                   clause_of("course_health", rules)))
    return result


def kirkpatrick(db: Session, caller: Caller, *, period: Period, policy: Policy,
                course_code: str | None = None) -> KpiExplanation:
    """Levels 1-4: satisfaction, exam pass, and trained-vs-untrained behaviour and business deltas."""
    require_privileged(caller, "see Kirkpatrick evaluation", "查看柯氏四级评估")
    responses, avg, good = report_repo.satisfaction_counts(db, period.start, period.end,
                                                           policy.course_health.good_rating_at_least, course_code)
    tried, passed = report_repo.exam_pass_counts(db, period.start, period.end, course_code=course_code)
    groups = report_repo.trained_vs_untrained(db, period.name, period.start, period.end, course_code)
    trained, untrained = groups[True], groups[False]
    l3 = relative_delta(trained.behavior, untrained.behavior)
    l4 = relative_delta(trained.business, untrained.business)
    group_inputs = {"trained_people": trained.people, "untrained_people": untrained.people}
    items = [
        KpiItem(name="level1_satisfaction", label_zh="一级 反应层（满意度）", label_en="Level 1 reaction (satisfaction)",
                value=None if avg is None else round(avg * 20, 2), unit="score",
                formula=f"average rating × 20 over {plural.count(responses, 'response')} ({good} rated good)",
                inputs={"responses": responses, "average_rating": avg, "good": good},
                thresholds={"met": policy.specialist.satisfaction_score.met,
                            "excellent": policy.specialist.satisfaction_score.excellent},
                verdict=rate_against_target(None if avg is None else avg * 20, policy.specialist.satisfaction_score),
                clause=clause_of("specialist.satisfaction_score", policy.specialist.satisfaction_score)),
        rate_item("level2_exam_pass", "二级 学习层（考试通过率）", "Level 2 learning (exam pass rate)", Rate(passed, tried),
                   f"person-courses passed / examined = {passed}/{tried}",
                   thresholds={"met": policy.specialist.exam_pass_rate.met,
                               "excellent": policy.specialist.exam_pass_rate.excellent},
                   verdict=rate_against_target(Rate(passed, tried).value, policy.specialist.exam_pass_rate),
                   clause=clause_of("specialist.exam_pass_rate", policy.specialist.exam_pass_rate)),
        KpiItem(name="level3_behavior_delta", label_zh="三级 行为层（受训 vs 未受训）", label_en="Level 3 behaviour (trained vs untrained)",
                value=l3, unit="rate", formula=f"(trained {trained.behavior} − untrained {untrained.behavior}) / untrained",
                inputs=group_inputs, thresholds={"met": policy.kirkpatrick.level3.met,
                                                 "excellent": policy.kirkpatrick.level3.excellent},
                verdict=rate_against_target(l3, policy.kirkpatrick.level3),
                clause=clause_of("kirkpatrick.level3", policy.kirkpatrick.level3)),
        KpiItem(name="level4_business_delta", label_zh="四级 结果层（受训 vs 未受训）", label_en="Level 4 results (trained vs untrained)",
                value=l4, unit="rate", formula=f"(trained {trained.business} − untrained {untrained.business}) / untrained",
                inputs=group_inputs, thresholds={"met": policy.kirkpatrick.level4.met,
                                                 "excellent": policy.kirkpatrick.level4.excellent},
                verdict=rate_against_target(l4, policy.kirkpatrick.level4),
                clause=clause_of("kirkpatrick.level4", policy.kirkpatrick.level4)),
    ]
    subject = course_code or "all courses"
    return KpiExplanation(subject_kind="kirkpatrick", subject_id=subject, subject_name=f"Kirkpatrick · {subject}",
                          period=period.name, policy=policy.name, items=items)


def _all_enrollments(counts: report_repo.CompletionCounts | None) -> Rate:
    """A course's health looks at every enrollment in it, required for the learner or not."""
    if counts is None:
        return Rate(0, 0)
    return Rate(counts.completed + counts.optional_completed, counts.due + counts.optional_due)
