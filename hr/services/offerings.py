"""What a person may take and when: enrollment checks without writing, the open catalogue, sessions, satisfaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import Session

from hr.caller import Caller
from hr.errors import not_found
from hr.models import Course, CourseSession
from hr.repositories import course_repo, enrollment_repo, org_repo, report_repo
from hr.rules.eligibility import is_open_to, is_required_for, missing_prerequisites
from hr.rules.periods import Period
from hr.services.access import require_department_view, require_privileged, visible_employee
from hr.services.enrollment import SESSION_FORMATS
from hr.services.progress import TeamProgress, team_progress


@dataclass(frozen=True)
class Offering:
    """One course as a catalogue entry for one person: may they enroll now, and if not, why not."""

    course: Course
    required: bool
    status: str | None  # their current enrollment status (enrolled, in_progress, completed, overdue) or None
    missing_prerequisites: list[str]
    open_to_them: bool

    @property
    def can_enroll(self) -> bool:
        """Open to them, not already enrolled or completed, prerequisites done."""
        return self.open_to_them and self.status is None and not self.missing_prerequisites


@dataclass(frozen=True)
class SessionSlot:
    """A session of an instructor-led course, with seats left and whether the person holds a seat in it."""

    session: CourseSession
    seats_left: int
    booked: bool


@dataclass(frozen=True)
class CourseSatisfaction:
    """Level-1 reaction for one course in a period: responses, average rating (1-5) and share rated good."""

    course_code: str
    title: str
    title_en: str
    responses: int
    average: float | None
    good: int

    @property
    def good_share(self) -> float | None:
        """Share of responses rated good (None when nobody answered)."""
        return self.good / self.responses if self.responses else None


def offerings(db: Session, caller: Caller, employee_id: str) -> list[Offering]:
    """Every course with what stands between this person and enrolling in it (the caller must see the person)."""
    employee = visible_employee(db, caller, employee_id)
    departments = org_repo.department_ancestors(db, employee.department_id)
    done = enrollment_repo.completed_course_codes(db, employee.id)
    current = {e.course_code: e.status for e in enrollment_repo.enrollments_of(db, employee.id)
               if e.status != "dropped"}
    result = []
    for course in course_repo.list_courses(db):
        result.append(Offering(
            course=course,
            required=is_required_for(course.required_for, employee.role, employee.job_title, departments),
            status=current.get(course.code),
            missing_prerequisites=missing_prerequisites(course.prerequisites, done),
            open_to_them=is_open_to(course.required_for, employee.role, employee.job_title, departments)))
    return result


def course_sessions(db: Session, caller: Caller, course_code: str, employee_id: str, *, now: datetime,
                    limit: int = 3) -> tuple[Course, list[SessionSlot]]:
    """The course and its next sessions after `now` (soonest first), the person's own booked session first."""
    visible_employee(db, caller, employee_id)
    course = course_repo.get_course(db, course_code)
    if course is None:
        raise not_found("course", course_code)
    enrollment = enrollment_repo.get_enrollment(db, employee_id, course_code)
    booked_id = enrollment.session_id if enrollment is not None and enrollment.status != "dropped" else None
    upcoming = course_repo.upcoming_sessions(db, course_code, now)[:limit]
    if booked_id is not None and all(s.id != booked_id for s in upcoming):
        booked = course_repo.get_session(db, booked_id)
        if booked is not None and booked.status != "cancelled" and _aware(booked.starts_at) >= now:
            upcoming = [booked, *upcoming][:limit]
    slots = [SessionSlot(s, max(0, s.capacity - s.seats_taken), s.id == booked_id) for s in upcoming]
    slots.sort(key=lambda slot: (not slot.booked, slot.session.starts_at))
    return course, slots


def is_instructor_led(course: Course) -> bool:
    """Live courses and workshops run in scheduled sessions."""
    return course.format in SESSION_FORMATS


def department_member_ids(db: Session, caller: Caller, department_id: str) -> list[str]:
    """Active people in a department and its sub-departments (HR, specialists and the department's head only)."""
    require_department_view(db, caller, department_id)
    return org_repo.department_employee_ids(db, department_id)


def course_satisfaction(db: Session, caller: Caller, *, period: Period, good_at_least: int,
                        course_code: str | None = None) -> list[CourseSatisfaction]:
    """Per course (or one course): survey responses in the period, average and good count (HR and specialists)."""
    require_privileged(caller, "see course satisfaction", "查看课程满意度")
    rows = []
    for course in course_repo.list_courses(db):
        if course_code and course.code != course_code:
            continue
        responses, average, good = report_repo.satisfaction_counts(db, period.start, period.end, good_at_least,
                                                                   course.code)
        rows.append(CourseSatisfaction(course.code, course.title, course.title_en, responses, average, good))
    return rows


def _aware(moment: datetime) -> datetime:
    """A stored timestamp as aware UTC (SQLite hands back naive UTC values)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def department_progress(db: Session, caller: Caller, department_id: str, *, today, rules,
                        period: Period | None = None, counts_mode: str = "required",
                        course_code: str | None = None) -> TeamProgress:
    """Everyone in a department subtree, as a team view (who is behind): the teams of the department's heads (people
    whose manager sits outside it), kept to the department's members. HR, specialists and the department's head."""
    require_department_view(db, caller, department_id)
    members = set(org_repo.department_employee_ids(db, department_id))
    heads = [e.id for e in org_repo.employees_by_ids(db, sorted(members)) if e.manager_id not in members]
    seen: dict[str, object] = {}
    for head in sorted(heads):
        for member in team_progress(db, caller, today=today, rules=rules, period=period, manager_id=head,
                                    counts_mode=counts_mode, course_code=course_code).members:
            if member.employee_id in members:
                seen.setdefault(member.employee_id, member)
    return TeamProgress(department_id, period.name if period else None, [seen[k] for k in sorted(seen)])
