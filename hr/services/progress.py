"""Record progress and completion, and read progress for a person or a manager's whole subtree."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from hr.caller import Caller
from hr.errors import conflict, invalid, not_found
from hr.models import Employee, Enrollment, EnrollmentPublic
from hr.policy.model import ProgressRules
from hr.repositories import course_repo, enrollment_repo, org_repo, report_repo
from hr.repositories.counting import counting_rule
from hr.rules.behind import is_behind, is_overdue
from hr.rules.clock import event_time
from hr.rules.periods import Period
from hr.rules.rates import Rate
from hr.services.access import require_manage, visible_employee
from hr.services.practice import PracticeSummary, practice_summaries


def _open_enrollment(db: Session, employee_id: str, course_code: str) -> Enrollment:
    """The person's enrollment in the course, which must exist and not be dropped."""
    enrollment = enrollment_repo.get_enrollment(db, employee_id, course_code)
    if enrollment is None or enrollment.status == "dropped":
        raise not_found("enrollment", f"{employee_id}/{course_code}")
    return enrollment


def record_progress(db: Session, caller: Caller, employee_id: str, course_code: str, progress_pct: int, *,
                    today: date) -> EnrollmentPublic:
    """Move progress forward (never backward); 100% completes the course."""
    require_manage(db, caller, employee_id)
    if not 0 <= progress_pct <= 100:
        raise invalid("Progress must be between 0 and 100.", "进度必须在 0 到 100 之间。")
    enrollment = _open_enrollment(db, employee_id, course_code)
    if enrollment.status == "completed":
        return EnrollmentPublic.model_validate(enrollment, from_attributes=True)
    if progress_pct >= 100:
        return complete(db, caller, employee_id, course_code, today=today)
    if progress_pct > enrollment.progress_pct:
        enrollment.progress_pct = progress_pct
        if enrollment.status == "enrolled":
            enrollment.status = "in_progress"
        db.add(enrollment)
        enrollment_repo.append_event(db, enrollment.id, "progress", progress_pct, event_time(today), caller.id)
    return EnrollmentPublic.model_validate(enrollment, from_attributes=True)


def complete(db: Session, caller: Caller, employee_id: str, course_code: str, *, today: date) -> EnrollmentPublic:
    """Mark a course completed today (completing twice keeps the first completion date)."""
    require_manage(db, caller, employee_id)
    enrollment = _open_enrollment(db, employee_id, course_code)
    if enrollment.status != "completed":
        if today < enrollment.enrolled_on:
            raise conflict("A course cannot be completed before it was enrolled.", "完成日期不能早于报名日期。")
        enrollment.status, enrollment.completed_on, enrollment.progress_pct = "completed", today, 100
        db.add(enrollment)
        enrollment_repo.append_event(db, enrollment.id, "completed", 100, event_time(today), caller.id)
    return EnrollmentPublic.model_validate(enrollment, from_attributes=True)


@dataclass(frozen=True)
class CourseProgress:
    """One enrollment as a learner or manager sees it."""

    course_code: str
    title: str
    status: str
    progress_pct: int
    due_on: date
    completed_on: date | None
    overdue: bool
    behind: bool
    counted: bool = True
    exam_scores: tuple[float, ...] = ()  # official exam attempts of this enrollment, oldest first


@dataclass
class EmployeeProgress:
    """A person's courses and completion rate (for a period when one was given)."""

    employee_id: str
    name: str
    period: str | None
    completion: Rate
    courses: list[CourseProgress] = field(default_factory=list)
    optional: Rate = Rate(0, 0)
    practice: list[PracticeSummary] = field(default_factory=list)

    @property
    def behind(self) -> list[CourseProgress]:
        """The courses this person is behind on."""
        return [c for c in self.courses if c.behind]

    def to_text(self, lang: str = "en") -> str:
        """Short bilingual rendering for chat."""
        zh = lang.startswith("zh")
        head = (f"{self.name} 的学习进度{f'（{self.period}）' if self.period else ''}：完成率 {self.completion.percent()}"
                if zh else f"{self.name}'s progress{f' ({self.period})' if self.period else ''}: "
                f"completion {self.completion.percent()}")
        lines = [head]
        for c in self.courses:
            flag = (" ⚠逾期" if zh else " ⚠overdue") if c.overdue else ((" ⚠落后" if zh else " ⚠behind") if c.behind else "")
            due = f"截止 {c.due_on}" if zh else f"due {c.due_on}"
            optional = "" if c.counted else (" [选修，不计入完成率]" if zh else " [optional, not in the rate]")
            lines.append(f"- {c.course_code} {c.title}: {c.status} {c.progress_pct}% ({due}){flag}{optional}")
        if self.practice:
            lines.append("练习测验（不计入考试和绩效）：" if zh else "Practice quizzes (not exams, not in any KPI):")
            lines += [p.to_text(lang) for p in self.practice]
        return "\n".join(lines)


@dataclass
class TeamProgress:
    """A manager's subtree: one line per person."""

    manager_id: str
    period: str | None
    members: list[EmployeeProgress]

    @property
    def completion(self) -> Rate:
        """The team's combined completion (sum of numerators over sum of denominators)."""
        return Rate(sum(m.completion.numerator for m in self.members),
                    sum(m.completion.denominator for m in self.members))

    def to_text(self, lang: str = "en") -> str:
        """Short bilingual rendering: one line per member, behind courses named."""
        zh = lang.startswith("zh")
        lines = [f"团队完成率 {self.completion.percent()}" if zh else f"Team completion {self.completion.percent()}"]
        for m in self.members:
            behind = ", ".join(c.course_code for c in m.behind)
            tail = (f"；落后：{behind}" if zh else f"; behind: {behind}") if behind else ""
            lines.append(f"- {m.name} ({m.employee_id}): {m.completion.percent()}{tail}")
        return "\n".join(lines)


def _summarise(employee: Employee, enrollments: list[Enrollment], titles: dict[str, str], period: Period | None,
               today: date, rules: ProgressRules, counts: Callable[[Enrollment], bool],
               attempts: list | None = None) -> EmployeeProgress:
    """Turn rows into a person's progress; the rate counts the non-dropped enrollments due in the period that the
    policy's counting rule counts, optional ones are their own figure. attempts: the person's official exam
    attempts; each course keeps the scores of those made since its enrollment began."""
    rows = [e for e in enrollments if e.status != "dropped" and (period is None or period.contains(e.due_on))]
    attempts = attempts or []

    def scores(e: Enrollment) -> tuple[float, ...]:
        """The scores of this enrollment's official attempts, oldest first."""
        return tuple(a.score for a in attempts if a.course_code == e.course_code and a.attempted_on >= e.enrolled_on)

    courses = [CourseProgress(e.course_code, titles.get(e.course_code, e.course_code), e.status, e.progress_pct,
                              e.due_on, e.completed_on, is_overdue(e.status, e.due_on, today),
                              is_behind(e.status, e.due_on, e.progress_pct, today, rules), counts(e), scores(e))
               for e in rows]
    counted = [c for c in courses if c.counted]
    optional = [c for c in courses if not c.counted]
    return EmployeeProgress(employee.id, employee.name, period.name if period else None,
                            Rate(sum(c.status == "completed" for c in counted), len(counted)), courses,
                            Rate(sum(c.status == "completed" for c in optional), len(optional)))


def employee_progress(db: Session, caller: Caller, employee_id: str, *, today: date, rules: ProgressRules,
                      period: Period | None = None, counts_mode: str = "required") -> EmployeeProgress:
    """A person's courses, completion (counted as the policy says) and practice activity, if the caller may see."""
    employee = visible_employee(db, caller, employee_id)
    titles = {c.code: c.title for c in course_repo.list_courses(db)}
    rule = counting_rule(db, counts_mode)
    departments = org_repo.department_ancestors(db, employee.department_id)

    def counts(e: Enrollment) -> bool:
        """Whether this enrollment counts toward the rate."""
        return rule.counts(e.course_code, e.source, employee.role, employee.job_title, departments)

    summary = _summarise(employee, enrollment_repo.enrollments_of(db, employee.id), titles, period, today, rules,
                         counts, enrollment_repo.exam_attempts(db, employee.id))
    summary.practice = practice_summaries(db, employee.id, titles, period)
    return summary


def team_progress(db: Session, caller: Caller, *, today: date, rules: ProgressRules, period: Period | None = None,
                  manager_id: str | None = None, counts_mode: str = "required",
                  course_code: str | None = None) -> TeamProgress:
    """Everyone in a manager's subtree (the caller's own by default): counts per person in one GROUP BY, and the
    courses each person is behind on (member.courses lists only those); of one course when a code is given."""
    manager_id = manager_id or caller.id
    visible_employee(db, caller, manager_id)
    start, end = (period.start, period.end) if period else (None, None)
    titles = {c.code: c.title for c in course_repo.list_courses(db)}
    if course_code and course_code not in titles:
        raise not_found("course", course_code)
    behind: dict[str, list[CourseProgress]] = {}
    due_before = date.fromordinal(today.toordinal() + rules.behind_within_days)
    for employee_id, code, status, pct, due_on, _enrolled in report_repo.team_open_enrollments(
            db, manager_id, due_before, start, end, course_code):
        due_on = due_on if isinstance(due_on, date) else date.fromisoformat(str(due_on))
        if is_behind(status, due_on, pct, today, rules):
            behind.setdefault(employee_id, []).append(CourseProgress(
                code, titles.get(code, code), status, pct, due_on, None, is_overdue(status, due_on, today), True))
    members = [EmployeeProgress(m.employee_id, m.name, period.name if period else None, Rate(m.completed, m.due),
                                behind.get(m.employee_id, []))
               for m in report_repo.team_member_counts(db, manager_id, start, end, counting_rule(db, counts_mode),
                                                       course_code)]
    return TeamProgress(manager_id, period.name if period else None, members)
