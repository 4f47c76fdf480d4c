"""HRService: the one object the bot, the API and the CLI call; opens a transaction per call and delegates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from sqlalchemy.engine import Engine

from hr.caller import Caller
from hr.db import session_scope
from hr.errors import not_found
from hr.explain import KpiExplanation
from hr.models import Course, Employee, EnrollmentPublic, SurveyResponse
from hr.notify import NO_CHANNEL, DeliveryOff, Notifier
from hr.policy.model import Policy
from hr.rules.clock import in_quiet_hours, local_day, quiet_hours_end
from hr.rules.periods import Period, parse_period, quarter_of
from hr.services import (
    directory,
    enrollment,
    exam_report,
    exam_sittings,
    exams,
    jobs,
    kpi,
    names,
    nudges,
    offerings,
    outbox,
    practice,
    progress,
    recommendations,
    reports,
    survey_invites,
    surveys,
    trends,
)
from hr.services.access import require_privileged


def utc_now() -> datetime:
    """The current aware UTC time (the default clock)."""
    return datetime.now(UTC)


class HRService:
    """Facade over the HR service modules; every method takes the Caller first (identity from the channel)."""

    def __init__(self, engine: Engine, policy: Policy, notifier: Notifier | None = None,
                 clock: Callable[[], datetime] = utc_now, delivery_off: DeliveryOff | None = None) -> None:
        """Hold the engine, the loaded policy, the delivery port and a clock (tests pass a fixed one). Without a
        notifier delivery is off: notices wait as pending and `delivery_off` says why (and what to configure)."""
        self.engine, self.policy, self.clock = engine, policy, clock
        self.notifier = notifier
        self.delivery_off = None if notifier is not None else (delivery_off or NO_CHANNEL)

    def today(self) -> date:
        """Today in the policy timezone."""
        return local_day(self.clock(), self.policy.notifications)

    def period(self, period: str | None) -> Period:
        """Parse a period name, defaulting to the current quarter."""
        return parse_period(period) if period else quarter_of(self.today())

    # identity ---------------------------------------------------------------------------------------------
    def employee_by_id(self, employee_id: str) -> Employee | None:
        """Resolve a person by employee id."""
        with session_scope(self.engine) as db:
            return directory.employee_by_id(db, employee_id)

    def employee_by_slack_user(self, slack_user_id: str) -> Employee | None:
        """Resolve a Slack user."""
        with session_scope(self.engine) as db:
            return directory.employee_by_slack_user(db, slack_user_id)

    def employee_by_wecom_user(self, wecom_userid: str) -> Employee | None:
        """Resolve a WeCom user."""
        with session_scope(self.engine) as db:
            return directory.employee_by_wecom_user(db, wecom_userid)

    def employee_by_email(self, email: str) -> Employee | None:
        """Resolve a web login."""
        with session_scope(self.engine) as db:
            return directory.employee_by_email(db, email)

    def names_in(self, text: str) -> list[str]:
        """Employee names written in a text (so a name does not decide the reply's language)."""
        with session_scope(self.engine) as db:
            return names.names_in(db, text)

    def people_named(self, caller: Caller, text: str) -> list[names.NamedPerson]:
        """People a text names by full name, each candidate marked with whether the caller may see them."""
        with session_scope(self.engine) as db:
            return names.people_named(db, caller, text)

    def caller_for(self, employee_id: str) -> Caller:
        """The Caller for a known employee id (not_found otherwise)."""
        employee = self.employee_by_id(employee_id)
        if employee is None:
            raise not_found("employee", employee_id)
        return Caller.of(employee)

    def audience_tags(self, employee: Employee) -> set[str]:
        """Knowledge-base audience tags of a reader."""
        with session_scope(self.engine) as db:
            return directory.audience_tags(db, employee)

    # learning records --------------------------------------------------------------------------------------
    def enroll(self, caller: Caller, course_code: str, employee_id: str | None = None,
               session_id: int | None = None) -> enrollment.EnrollResult:
        """Enroll (idempotent)."""
        with session_scope(self.engine, write=True) as db:
            return enrollment.enroll(db, caller, employee_id or caller.id, course_code, today=self.today(),
                                     default_due_days=self.policy.progress.default_due_days, session_id=session_id)

    def drop(self, caller: Caller, course_code: str, employee_id: str | None = None) -> EnrollmentPublic:
        """Drop an enrollment."""
        with session_scope(self.engine, write=True) as db:
            return enrollment.drop(db, caller, employee_id or caller.id, course_code, today=self.today())

    def preview_enroll(self, caller: Caller, course_code: str, employee_id: str | None = None,
                       session_id: int | None = None) -> enrollment.EnrollResult:
        """Every check `enroll` makes (access, eligibility, prerequisites, seats, duplicates), nothing written:
        the real enroll runs in a transaction that is always rolled back. created=False means already enrolled."""
        with session_scope(self.engine) as db:
            with db.begin_nested() as attempt:
                result = enrollment.enroll(db, caller, employee_id or caller.id, course_code, today=self.today(),
                                           default_due_days=self.policy.progress.default_due_days,
                                           session_id=session_id)
                attempt.rollback()
            return result

    def preview_drop(self, caller: Caller, course_code: str, employee_id: str | None = None) -> EnrollmentPublic:
        """Every check `drop` makes, nothing written (rolled back)."""
        with session_scope(self.engine) as db:
            with db.begin_nested() as attempt:
                result = enrollment.drop(db, caller, employee_id or caller.id, course_code, today=self.today())
                attempt.rollback()
            return result

    def offerings(self, caller: Caller, employee_id: str | None = None) -> list[offerings.Offering]:
        """The catalogue for one person: each course and what (if anything) stands between them and enrolling."""
        with session_scope(self.engine) as db:
            return offerings.offerings(db, caller, employee_id or caller.id)

    def course_sessions(self, caller: Caller, course_code: str, employee_id: str | None = None,
                        limit: int = 3) -> tuple[Course, list[offerings.SessionSlot]]:
        """A course and its next sessions (date, venue, seats), the person's booked one first."""
        with session_scope(self.engine) as db:
            return offerings.course_sessions(db, caller, course_code, employee_id or caller.id, now=self.clock(),
                                             limit=limit)

    def department_progress(self, caller: Caller, department_id: str, period: str | None = None,
                            course_code: str | None = None) -> progress.TeamProgress:
        """A department subtree as a team view: each person's completion and the courses they are behind on (of one
        course when a code is given), counted as the policy says."""
        with session_scope(self.engine) as db:
            return offerings.department_progress(db, caller, department_id, today=self.today(),
                                                 rules=self.policy.progress,
                                                 period=parse_period(period) if period else None,
                                                 counts_mode=self.policy.completion.completion_counts,
                                                 course_code=course_code)

    def top_department(self) -> str | None:
        """The organisation's root department (the company as a whole), or None when the tree has several or none."""
        from hr.repositories import org_repo

        with session_scope(self.engine) as db:
            roots = [d.id for d in org_repo.list_departments(db) if d.parent_id is None]
        return roots[0] if len(roots) == 1 else None

    def department_member_ids(self, caller: Caller, department_id: str) -> list[str]:
        """Active people of a department subtree (HR, specialists, the department's head)."""
        with session_scope(self.engine) as db:
            return offerings.department_member_ids(db, caller, department_id)

    def course_satisfaction(self, caller: Caller, period: str | None = None,
                            course_code: str | None = None) -> list[offerings.CourseSatisfaction]:
        """Survey responses per course in a period (HR and training specialists)."""
        with session_scope(self.engine) as db:
            return offerings.course_satisfaction(db, caller, period=self.period(period), course_code=course_code,
                                                 good_at_least=self.policy.course_health.good_rating_at_least)

    def auto_assign_required(self, caller: Caller, employee_id: str) -> list[enrollment.EnrollResult]:
        """Assign every required course (new hire, role change)."""
        with session_scope(self.engine, write=True) as db:
            return enrollment.auto_assign_required(db, caller, employee_id, today=self.today(),
                                                   default_due_days=self.policy.progress.default_due_days)

    def record_progress(self, caller: Caller, course_code: str, progress_pct: int,
                        employee_id: str | None = None) -> EnrollmentPublic:
        """Record progress (100 completes)."""
        with session_scope(self.engine, write=True) as db:
            return progress.record_progress(db, caller, employee_id or caller.id, course_code, progress_pct,
                                            today=self.today())

    def complete(self, caller: Caller, course_code: str, employee_id: str | None = None) -> EnrollmentPublic:
        """Mark a course completed."""
        with session_scope(self.engine, write=True) as db:
            return progress.complete(db, caller, employee_id or caller.id, course_code, today=self.today())

    def record_exam_attempt(self, caller: Caller, course_code: str, score: float,
                            employee_id: str | None = None) -> exams.ExamResult:
        """HR / a training specialist enters an official exam result held elsewhere (retake limit applies)."""
        with session_scope(self.engine, write=True) as db:
            return exams.record_exam_attempt(db, caller, employee_id or caller.id, course_code, score,
                                             today=self.today(), rules=self.policy.exams)

    def preview_exam(self, caller: Caller, course_code: str,
                     employee_id: str | None = None) -> exam_sittings.ExamPreview:
        """What an official exam would be (questions, pass mark, attempt n of m) and whether it may start."""
        with session_scope(self.engine) as db:
            return exam_sittings.preview_exam(db, caller, employee_id or caller.id, course_code,
                                              rules=self.policy.exams)

    def start_exam(self, caller: Caller, course_code: str,
                   employee_id: str | None = None) -> exam_sittings.StartedExam:
        """Open an official exam after the learner confirmed (or HR/a manager schedules it); resumes an open one."""
        with session_scope(self.engine, write=True) as db:
            return exam_sittings.start_exam(db, caller, employee_id or caller.id, course_code, now=self.clock(),
                                            rules=self.policy.exams)

    def submit_exam(self, caller: Caller, sitting_id: int, correct: int) -> exams.ExamResult:
        """Record the official exam's one attempt; submitting again returns the same stored result."""
        with session_scope(self.engine, write=True) as db:
            return exam_sittings.submit_exam(db, caller, sitting_id, correct, today=self.today(),
                                             rules=self.policy.exams)

    def record_practice_attempt(self, caller: Caller, course_code: str, correct: int, questions: int,
                                employee_id: str | None = None) -> practice.PracticeResult:
        """Store a chat self-test result as practice: never an exam, a KPI input or a retake."""
        with session_scope(self.engine, write=True) as db:
            return practice.record_practice_attempt(db, caller, employee_id or caller.id, course_code,
                                                    correct=correct, questions=questions, today=self.today())

    def submit_survey(self, caller: Caller, course_code: str, rating: int, comment: str = "") -> SurveyResponse:
        """The caller rates a course they took (1-5)."""
        with session_scope(self.engine, write=True) as db:
            return surveys.submit_survey(db, caller, course_code, rating, comment, today=self.today())

    def open_survey_invitations(self, caller: Caller) -> list[str]:
        """Courses whose "please rate" notice reached the caller recently and is unanswered, newest first."""
        with session_scope(self.engine) as db:
            return survey_invites.open_invitations(db, caller.id, now=self.clock(), policy=self.policy)

    # progress and reports ----------------------------------------------------------------------------------
    def my_progress(self, caller: Caller, period: str | None = None) -> progress.EmployeeProgress:
        """The caller's own progress."""
        return self.employee_progress(caller, caller.id, period)

    def employee_progress(self, caller: Caller, employee_id: str,
                          period: str | None = None) -> progress.EmployeeProgress:
        """One person's progress (period None = all enrollments)."""
        with session_scope(self.engine) as db:
            return progress.employee_progress(db, caller, employee_id, today=self.today(), rules=self.policy.progress,
                                              period=parse_period(period) if period else None,
                                              counts_mode=self.policy.completion.completion_counts)

    def team_progress(self, caller: Caller, period: str | None = None, manager_id: str | None = None,
                      course_code: str | None = None) -> progress.TeamProgress:
        """A manager's whole subtree (of one course when a code is given)."""
        with session_scope(self.engine) as db:
            return progress.team_progress(db, caller, today=self.today(), rules=self.policy.progress,
                                          period=parse_period(period) if period else None, manager_id=manager_id,
                                          counts_mode=self.policy.completion.completion_counts,
                                          course_code=course_code)

    def completion_report(self, caller: Caller, by: str = "department",
                          period: str | None = None) -> reports.CompletionReport:
        """Completion grouped by department or course."""
        with session_scope(self.engine) as db:
            return reports.completion_report(db, caller, by=by, period=self.period(period),
                                             counts=self.policy.completion.completion_counts)

    def completion_trend(self, caller: Caller, step: str = "month", period: str | None = None,
                         points: int | None = None, department_id: str | None = None,
                         course_code: str | None = None) -> trends.CompletionTrend:
        """Completion per month or quarter (a named period's steps up to today, else the last few)."""
        with session_scope(self.engine) as db:
            return trends.completion_trend(db, caller, today=self.today(), step=step,
                                           period=parse_period(period) if period else None, points=points,
                                           department_id=department_id, course_code=course_code,
                                           counts=self.policy.completion.completion_counts)

    def completion_matrix(self, caller: Caller, by: str, step: str = "month", period: str | None = None,
                          points: int | None = None) -> trends.CompletionMatrix:
        """Completion by department or course for each month or quarter, side by side."""
        with session_scope(self.engine) as db:
            return trends.completion_matrix(db, caller, today=self.today(), by=by, step=step,
                                            period=parse_period(period) if period else None, points=points,
                                            counts=self.policy.completion.completion_counts)

    def exam_report(self, caller: Caller, period: str | None = None, department_id: str | None = None,
                    course_code: str | None = None) -> exam_report.ExamReport:
        """Official exam results per course (or for one course), the lowest pass rate first."""
        with session_scope(self.engine) as db:
            return exam_report.exam_report(db, caller, period=self.period(period), department_id=department_id,
                                           course_code=course_code)

    def practice_report(self, caller: Caller, period: str | None = None) -> reports.PracticeReport:
        """Practice quizzes per course, apart from completion and exams (scoped like completion reports)."""
        with session_scope(self.engine) as db:
            return reports.practice_report(db, caller, period=self.period(period))

    def trend_chart(self, trend: trends.CompletionTrend, lang: str = "zh") -> bytes:
        """PNG bytes of a completion trend, with the department penalty floor from the policy drawn in."""
        from hr.charts import trend_chart_png

        return trend_chart_png(trend, lang, self._completion_floor())

    def matrix_chart(self, matrix: trends.CompletionMatrix, lang: str = "zh", label_of=None) -> bytes:
        """PNG bytes of completion per department or course over the steps, the policy floor drawn in."""
        from hr.charts import matrix_chart_png

        return matrix_chart_png(matrix, lang, self._completion_floor(), label_of)

    def _completion_floor(self) -> float | None:
        """The completion rate below which a department's score is adjusted (the chart's dashed line), if any."""
        return next((b.below for b in self.policy.department.adjustment_bands if b.below is not None), None)

    def completion_chart(self, report: reports.CompletionReport, lang: str = "zh") -> bytes:
        """PNG bytes of a completion report, with the department penalty floor from the policy drawn in."""
        from hr.charts import completion_chart_png

        return completion_chart_png(report, lang, self._completion_floor())

    # KPI ---------------------------------------------------------------------------------------------------
    def explain_employee_kpi(self, caller: Caller, employee_id: str | None = None,
                             period: str | None = None) -> KpiExplanation:
        """A person's KPI standing with the working."""
        with session_scope(self.engine) as db:
            return kpi.explain_employee(db, caller, employee_id or caller.id, period=self.period(period),
                                        policy=self.policy)

    def department_kpi(self, caller: Caller, department_id: str, period: str | None = None) -> KpiExplanation:
        """A department's KPI standing with the working."""
        with session_scope(self.engine) as db:
            return kpi.department_kpi(db, caller, department_id, period=self.period(period), policy=self.policy)

    def department_kpis(self, caller: Caller, period: str | None = None) -> list[KpiExplanation]:
        """Every department's KPI the caller may see, for a side-by-side table."""
        with session_scope(self.engine) as db:
            return kpi.department_kpis(db, caller, period=self.period(period), policy=self.policy)

    def specialist_kpis(self, caller: Caller, period: str | None = None) -> KpiExplanation:
        """Training-specialist KPIs."""
        with session_scope(self.engine) as db:
            return kpi.specialist_kpis(db, caller, period=self.period(period), policy=self.policy, today=self.today())

    def course_health(self, caller: Caller, period: str | None = None) -> list[kpi.CourseHealth]:
        """Redesign / promote verdicts per course."""
        with session_scope(self.engine) as db:
            return kpi.course_health(db, caller, period=self.period(period), policy=self.policy)

    def kirkpatrick(self, caller: Caller, period: str | None = None, course_code: str | None = None) -> KpiExplanation:
        """Kirkpatrick levels 1-4."""
        with session_scope(self.engine) as db:
            return kpi.kirkpatrick(db, caller, period=self.period(period), policy=self.policy, course_code=course_code)

    # recommendations, nudges, jobs -------------------------------------------------------------------------
    def recommend_courses(self, caller: Caller, employee_id: str | None = None,
                          limit: int | None = None) -> list[recommendations.Recommendation]:
        """Ranked course suggestions."""
        with session_scope(self.engine) as db:
            return recommendations.recommend_courses(db, caller, employee_id or caller.id, policy=self.policy,
                                                     limit=limit)

    def preview_nudges(self, caller: Caller, employee_ids: list[str] | None = None, department_id: str | None = None,
                       company_wide: bool = False, course_code: str | None = None) -> nudges.NudgePlan:
        """Who would be nudged now (the caller's team, a department, named people, or the whole company for HR and
        specialists; optionally only about one course), who is skipped and why, and when quiet hours hold them."""
        with session_scope(self.engine) as db:
            return nudges.preview_nudges(db, caller, now=self.clock(), policy=self.policy, employee_ids=employee_ids,
                                         department_id=department_id, company_wide=company_wide,
                                         course_code=course_code)

    def send_nudges(self, caller: Caller, employee_ids: list[str] | None = None, department_id: str | None = None,
                    company_wide: bool = False, course_code: str | None = None) -> nudges.NudgeOutcome:
        """Queue the previewed nudges in the outbox, then deliver them; only delivered ones are reported sent, and
        in quiet hours the outcome says when the queued ones go out."""
        now = self.clock()
        with session_scope(self.engine, write=True) as db:
            queued, skipped = nudges.queue_nudges(db, caller, now=now, policy=self.policy, employee_ids=employee_ids,
                                                  department_id=department_id, company_wide=company_wide,
                                                  course_code=course_code)
        report = self._deliver(list(queued.values()))
        rules = self.policy.notifications
        outcome = nudges.NudgeOutcome(skipped=skipped, delivery_off=report.delivery_off,
                                      held_until=quiet_hours_end(now, rules) if in_quiet_hours(now, rules) else None)
        for person, notice in sorted(queued.items()):
            if notice in report.sent:
                outcome.sent.append(person)
            elif notice in report.failed:
                outcome.failed[person] = report.failed[notice]
            else:
                outcome.queued.append(person)
        return outcome

    def preview_team_nudges(self, caller: Caller) -> nudges.NudgePlan:
        """The caller's own team (kept for existing callers; see preview_nudges)."""
        return self.preview_nudges(caller)

    def send_team_nudges(self, caller: Caller, employee_ids: list[str] | None = None) -> nudges.NudgeOutcome:
        """The caller's own team, optionally only some people (kept for existing callers; see send_nudges)."""
        return self.send_nudges(caller, employee_ids)

    def notice_summary(self, caller: Caller, failed_limit: int = 20) -> tuple[dict[str, int], list]:
        """Outbox counts per state and the latest failed notices with their reasons (HR and specialists)."""
        require_privileged(caller, "see the notification outbox", "查看通知发送队列")
        with session_scope(self.engine) as db:
            return outbox.status_counts(db), outbox.recent(db, "failed", failed_limit)

    def requeue_unconfirmed_overdue(self, caller: Caller) -> int:
        """Queue again the overdue notices marked sent without a receipt (before the outbox); HR only."""
        require_privileged(caller, "requeue notices", "重新排队通知")
        with session_scope(self.engine, write=True) as db:
            return outbox.requeue_unconfirmed_overdue(db, now=self.clock())

    def deliver_pending(self) -> outbox.DeliveryReport:
        """Deliver every pending notice whose time has come (nothing happens while delivery is off)."""
        return self._deliver(None)

    def _deliver(self, ids: list[int] | None) -> outbox.DeliveryReport:
        """One outbox pass with the configured notifier."""
        return outbox.deliver(self.engine, self.notifier, self.delivery_off or NO_CHANNEL, now=self.clock(),
                              rules=self.policy.notifications, ids=ids)

    def run_due_jobs(self) -> jobs.JobReport:
        """Flag overdue enrollments, queue reminders and overdue notices, then deliver everything pending (including
        notices queued while no channel was configured)."""
        with session_scope(self.engine, write=True) as db:
            report = jobs.queue_due(db, now=self.clock(), policy=self.policy)
        delivered = self.deliver_pending()
        with session_scope(self.engine) as db:
            kinds = outbox.kinds_of(db, list(delivered.sent))
            report.pending = outbox.pending_count(db)
        for kind in kinds:
            report.sent[kind] = report.sent.get(kind, 0) + 1
        report.failed, report.retrying = len(delivered.failed), len(delivered.retrying)
        report.deferred_quiet_hours = delivered.quiet_hours
        report.delivery_off = delivered.delivery_off.reason_en if delivered.delivery_off else None
        return report
