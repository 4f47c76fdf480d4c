"""Queries and writes for enrollments and the append-only progress log."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import String, cast, exists, update
from sqlmodel import Session, select

from hr.models import Employee, Enrollment, ExamAttempt, NotificationLog, ProgressEvent
from hr.rules.behind import OPEN_STATUSES


def get_enrollment(db: Session, employee_id: str, course_code: str) -> Enrollment | None:
    """The one enrollment of a person in a course, if any."""
    query = select(Enrollment).where(Enrollment.employee_id == employee_id, Enrollment.course_code == course_code)
    return db.exec(query).first()


def enrollments_of(db: Session, employee_id: str) -> list[Enrollment]:
    """All enrollments of a person, by due date."""
    query = select(Enrollment).where(Enrollment.employee_id == employee_id).order_by(Enrollment.due_on,
                                                                                      Enrollment.course_code)
    return list(db.exec(query))


def enrollments_of_many(db: Session, employee_ids: list[str], start: date | None = None,
                        end: date | None = None) -> list[Enrollment]:
    """Enrollments of several people, optionally limited to a due-date range."""
    query = select(Enrollment).where(Enrollment.employee_id.in_(employee_ids))
    if start is not None and end is not None:
        query = query.where(Enrollment.due_on >= start, Enrollment.due_on <= end)
    return list(db.exec(query.order_by(Enrollment.employee_id, Enrollment.due_on)))


def open_enrollments_of_active(db: Session, course_code: str | None = None) -> list[Enrollment]:
    """Open enrollments (not completed or dropped) of every active employee, optionally of one course.

    Why: a company-wide nudge looks at the people who could be behind, not at every employee id in one IN list."""
    query = select(Enrollment).join(Employee, Employee.id == Enrollment.employee_id).where(
        Employee.active == True, Enrollment.status.in_(OPEN_STATUSES))  # noqa: E712
    if course_code is not None:
        query = query.where(Enrollment.course_code == course_code)
    return list(db.exec(query.order_by(Enrollment.employee_id, Enrollment.due_on)))


def completed_course_codes(db: Session, employee_id: str) -> set[str]:
    """Codes of the courses a person has completed."""
    query = select(Enrollment.course_code).where(Enrollment.employee_id == employee_id,
                                                 Enrollment.status == "completed")
    return set(db.exec(query))


def append_event(db: Session, enrollment_id: int, kind: str, pct: int, at: datetime, actor_id: str | None) -> None:
    """Add one line to the progress log (the log is never updated)."""
    db.add(ProgressEvent(enrollment_id=enrollment_id, kind=kind, progress_pct=pct, at=at, actor_id=actor_id))


def mark_overdue(db: Session, today: date) -> list[int]:
    """Flip open enrollments past their due date to 'overdue'; returns the ids that changed."""
    query = select(Enrollment.id).where(Enrollment.due_on < today,
                                        Enrollment.status.in_(("enrolled", "in_progress")))
    ids = list(db.exec(query))
    if ids:
        db.execute(update(Enrollment).where(Enrollment.id.in_(ids)).values(status="overdue"))
    return ids


def exam_attempts(db: Session, employee_id: str, course_code: str | None = None) -> list[ExamAttempt]:
    """A person's exam attempts (optionally for one course), oldest first."""
    query = select(ExamAttempt).where(ExamAttempt.employee_id == employee_id)
    if course_code:
        query = query.where(ExamAttempt.course_code == course_code)
    return list(db.exec(query.order_by(ExamAttempt.course_code, ExamAttempt.attempt_no)))


def overdue_without_notice(db: Session) -> list[Enrollment]:
    """Overdue enrollments whose overdue notice has not been logged yet (so cron runs stay cheap)."""
    noticed = exists().where(NotificationLog.kind == "overdue",
                             NotificationLog.subject_ref == cast(Enrollment.id, String))
    return list(db.exec(select(Enrollment).where(Enrollment.status == "overdue", ~noticed).order_by(Enrollment.id)))
