"""Enroll, drop and auto-assign: idempotent, capacity-safe, with a clear reason for every refusal."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from hr.caller import Caller
from hr.errors import HRError, conflict, forbidden, invalid, not_found
from hr.models import Course, Employee, Enrollment, EnrollmentPublic
from hr.repositories import course_repo, enrollment_repo, org_repo
from hr.rules.clock import event_time
from hr.rules.eligibility import is_open_to, is_required_for, missing_prerequisites
from hr.services.access import require_manage

log = logging.getLogger(__name__)
SESSION_FORMATS = ("live", "workshop")


@dataclass(frozen=True)
class EnrollResult:
    """The enrollment and whether this call created (or reactivated) it."""

    enrollment: EnrollmentPublic
    created: bool


def source_for(caller: Caller, employee_id: str) -> str:
    """Who asked: the learner (self), their manager, or HR."""
    if caller.id == employee_id:
        return "self"
    return "hr" if caller.sees_everyone else "manager"


def enroll(db: Session, caller: Caller, employee_id: str, course_code: str, *, today: date,
           default_due_days: int = 90, session_id: int | None = None, source: str | None = None) -> EnrollResult:
    """Enroll a person once; repeating the call returns the same enrollment (created=False)."""
    employee = require_manage(db, caller, employee_id)
    course = course_repo.get_course(db, course_code)
    if course is None:
        raise not_found("course", course_code)
    existing = enrollment_repo.get_enrollment(db, employee_id, course_code)
    if existing is not None and existing.status != "dropped":
        return EnrollResult(_public(existing), created=False)
    _check_can_take(db, caller, employee, course)
    due_on = today + timedelta(days=course.due_days or default_due_days)
    try:
        with db.begin_nested():
            seat = _take_seat(db, course, session_id, today)
            enrollment = _write(db, existing, employee_id, course_code, seat, due_on, today,
                                source or source_for(caller, employee_id))
            enrollment_repo.append_event(db, enrollment.id, "enrolled", 0, event_time(today), caller.id)
    except IntegrityError:
        winner = enrollment_repo.get_enrollment(db, employee_id, course_code)
        if winner is None:
            raise
        return EnrollResult(_public(winner), created=False)
    log.info("enrolled employee=%s course=%s source=%s", employee_id, course_code, enrollment.source)
    return EnrollResult(_public(enrollment), created=True)


def _check_can_take(db: Session, caller: Caller, employee: Employee, course: Course) -> None:
    """Active person, course open to them (unless HR assigns it), prerequisites completed."""
    if not employee.active:
        raise invalid(f"{employee.id} is no longer active and cannot be enrolled.", f"{employee.id} 已离职，无法报名。")
    departments = org_repo.department_ancestors(db, employee.department_id)
    if not caller.sees_everyone and not is_open_to(course.required_for, employee.role, employee.job_title, departments):
        raise invalid(f"{course.code} is only for {course.required_for}; ask HR if you need it.",
                      f"{course.code} 仅面向 {course.required_for}；如确有需要请联系 HR。", course=course.code)
    missing = missing_prerequisites(course.prerequisites, enrollment_repo.completed_course_codes(db, employee.id))
    if missing:
        raise invalid(f"Complete {', '.join(missing)} before {course.code}.",
                      f"请先完成 {'、'.join(missing)}，再报名 {course.code}。", missing=";".join(missing))


def _take_seat(db: Session, course: Course, session_id: int | None, today: date) -> int | None:
    """Reserve a seat in the chosen session, or the soonest one with room; None for self-paced courses."""
    if session_id is not None:
        chosen = course_repo.get_session(db, session_id)
        if chosen is None or chosen.course_code != course.code:
            raise not_found("session", str(session_id))
        if chosen.status != "scheduled":
            raise conflict(f"Session {session_id} is {chosen.status}; pick another session.",
                           f"场次 {session_id} 已{'取消' if chosen.status == 'cancelled' else '结束'}，请选择其他场次。")
        if not course_repo.take_seat(db, session_id):
            raise conflict(f"Session {session_id} of {course.code} is full; pick another session or ask HR.",
                           f"{course.code} 的场次 {session_id} 已满，请选择其他场次或联系 HR。")
        return session_id
    if course.format not in SESSION_FORMATS:
        return None
    upcoming = course_repo.upcoming_sessions(db, course.code, event_time(today))
    for candidate in upcoming:
        if course_repo.take_seat(db, candidate.id):
            return candidate.id
    if upcoming:
        raise conflict(f"Every upcoming session of {course.code} is full; ask HR to open another.",
                       f"{course.code} 的所有场次均已满员，请联系 HR 增开场次。")
    return None


def _write(db: Session, existing: Enrollment | None, employee_id: str, course_code: str, session_id: int | None,
           due_on: date, today: date, source: str) -> Enrollment:
    """Insert a new enrollment or reactivate a dropped one; flushes so the unique constraint is checked now."""
    enrollment = existing or Enrollment(employee_id=employee_id, course_code=course_code, enrolled_on=today,
                                        due_on=due_on)
    enrollment.status, enrollment.source, enrollment.session_id = "enrolled", source, session_id
    enrollment.enrolled_on, enrollment.due_on, enrollment.completed_on, enrollment.progress_pct = today, due_on, None, 0
    db.add(enrollment)
    db.flush()
    return enrollment


def drop(db: Session, caller: Caller, employee_id: str, course_code: str, *, today: date) -> EnrollmentPublic:
    """Drop an open enrollment; required courses can only be dropped by HR; the seat is released."""
    employee = require_manage(db, caller, employee_id)
    enrollment = enrollment_repo.get_enrollment(db, employee_id, course_code)
    if enrollment is None or enrollment.status == "dropped":
        raise not_found("enrollment", f"{employee_id}/{course_code}")
    if enrollment.status == "completed":
        raise conflict(f"{course_code} is already completed and cannot be dropped.", f"{course_code} 已完成，不能退课。")
    course = course_repo.get_course(db, course_code)
    departments = org_repo.department_ancestors(db, employee.department_id)
    if not caller.sees_everyone and is_required_for(course.required_for, employee.role, employee.job_title,
                                                    departments):
        raise forbidden(f"drop the required course {course_code} (ask HR)", f"退出必修课 {course_code}（请联系 HR）")
    if enrollment.session_id is not None:
        course_repo.release_seat(db, enrollment.session_id)
    enrollment.status, enrollment.session_id = "dropped", None
    db.add(enrollment)
    enrollment_repo.append_event(db, enrollment.id, "dropped", enrollment.progress_pct, event_time(today), caller.id)
    return _public(enrollment)


def auto_assign_required(db: Session, caller: Caller, employee_id: str, *, today: date,
                         default_due_days: int = 90) -> list[EnrollResult]:
    """Enroll a new hire (or someone whose role changed) in every course now required for them (HR only)."""
    if not caller.sees_everyone:
        raise forbidden("assign required courses", "分配必修课程")
    employee = org_repo.get_employee(db, employee_id)
    if employee is None:
        raise not_found("employee", employee_id)
    departments = org_repo.department_ancestors(db, employee.department_id)
    done = enrollment_repo.completed_course_codes(db, employee_id)
    results = []
    for course in course_repo.list_courses(db):
        if not is_required_for(course.required_for, employee.role, employee.job_title, departments):
            continue
        if missing_prerequisites(course.prerequisites, done):
            continue
        try:
            results.append(enroll(db, caller, employee_id, course.code, today=today,
                                  default_due_days=default_due_days, source="auto"))
        except HRError as exc:  # one full workshop must not stop the other assignments
            log.warning("auto-assign skipped course=%s employee=%s: %s", course.code, employee_id, exc)
    return results


def _public(enrollment: Enrollment) -> EnrollmentPublic:
    """The caller-facing copy of a row."""
    return EnrollmentPublic.model_validate(enrollment, from_attributes=True)
