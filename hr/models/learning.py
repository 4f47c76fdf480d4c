"""Enrollments, the append-only progress log and exam attempts: the learning record HR pays by."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

ENROLLMENT_STATUSES = ("enrolled", "in_progress", "completed", "overdue", "dropped")
ENROLLMENT_SOURCES = ("self", "manager", "hr", "auto")


class EnrollmentBase(SQLModel):
    """Who takes which course, why and by when."""

    employee_id: str = Field(foreign_key="hr_employee.id", max_length=64)
    course_code: str = Field(foreign_key="hr_course.code", max_length=32)
    session_id: int | None = Field(default=None, foreign_key="hr_course_session.id")
    status: str = Field(default="enrolled", max_length=16)
    source: str = Field(default="self", max_length=16)
    enrolled_on: date
    due_on: date = Field(description="every enrollment has a due date; it decides which period it counts in")
    completed_on: date | None = None
    progress_pct: int = 0


class Enrollment(EnrollmentBase, table=True):
    """One person in one course; the unique pair makes enrolling twice the same enrollment.

    ix_enrollment_period covers every column the period aggregates read, so reports never touch the table."""

    __tablename__ = "hr_enrollment"
    __table_args__ = (
        UniqueConstraint("employee_id", "course_code", name="uq_enrollment_employee_course"),
        Index("ix_enrollment_period", "due_on", "status", "employee_id", "course_code", "completed_on", "progress_pct"),
        Index("ix_enrollment_course_due", "course_code", "due_on", "status"),
        Index("ix_enrollment_session", "session_id"),
    )
    id: int | None = Field(default=None, primary_key=True)


class EnrollmentPublic(EnrollmentBase):
    """An enrollment as returned to callers."""

    id: int


class ProgressEvent(SQLModel, table=True):
    """Append-only log of what happened to an enrollment (never updated or deleted)."""

    __tablename__ = "hr_progress_event"
    id: int | None = Field(default=None, primary_key=True)
    enrollment_id: int = Field(foreign_key="hr_enrollment.id", index=True)
    at: datetime
    kind: str = Field(max_length=16, description="enrolled, progress, completed, dropped, overdue")
    progress_pct: int = 0
    actor_id: str | None = Field(default=None, max_length=64)


class ExamAttemptBase(SQLModel):
    """One sitting of a course exam."""

    employee_id: str = Field(foreign_key="hr_employee.id", max_length=64)
    course_code: str = Field(foreign_key="hr_course.code", max_length=32)
    attempted_on: date
    score: float
    passed: bool
    attempt_no: int


class ExamAttempt(ExamAttemptBase, table=True):
    """Attempt numbers are unique per person and course, so a retried write cannot double count."""

    __tablename__ = "hr_exam_attempt"
    __table_args__ = (
        UniqueConstraint("employee_id", "course_code", "attempt_no", name="uq_exam_attempt_no"),
        Index("ix_exam_attempt_date", "attempted_on", "employee_id", "course_code", "passed"),
    )
    id: int | None = Field(default=None, primary_key=True)


class ExamAttemptPublic(ExamAttemptBase):
    """An exam attempt as returned to callers."""

    id: int


class PracticeAttemptBase(SQLModel):
    """A self-test taken in chat: scored and kept so the learner sees their practice, never an official exam."""

    employee_id: str = Field(foreign_key="hr_employee.id", max_length=64)
    course_code: str = Field(foreign_key="hr_course.code", max_length=32)
    attempted_on: date
    score: float
    questions: int = Field(ge=0, description="items in the quiz (0 when unknown, e.g. moved by a data migration)")
    correct: int = Field(ge=0, description="items right on the first try")
    source: str = Field(default="chat", max_length=16, description="chat, or migrated (moved from hr_exam_attempt)")
    moved_from_attempt_no: int | None = Field(
        default=None, description="the exam attempt number this row had before the practice/exam split (audit)")


class PracticeAttempt(PracticeAttemptBase, table=True):
    """Its own table, so no exam pass rate, KPI or retake count can ever read practice by accident."""

    __tablename__ = "hr_practice_attempt"
    __table_args__ = (
        Index("ix_practice_attempt_person", "employee_id", "course_code"),
        Index("ix_practice_attempt_date", "attempted_on", "course_code"),
    )
    id: int | None = Field(default=None, primary_key=True)


class PracticeAttemptPublic(PracticeAttemptBase):
    """A practice attempt as returned to callers."""

    id: int


class ExamSitting(SQLModel, table=True):
    """An official exam someone started on purpose (HR scheduled it, or the learner asked and confirmed).

    `open_key` is "<employee>:<course>" while the sitting is open and NULL afterwards, so the unique index allows one
    open sitting per person and course on every backend; `attempt_id` links the one attempt the sitting recorded."""

    __tablename__ = "hr_exam_sitting"
    id: int | None = Field(default=None, primary_key=True)
    employee_id: str = Field(foreign_key="hr_employee.id", max_length=64, index=True)
    course_code: str = Field(foreign_key="hr_course.code", max_length=32)
    opened_at: datetime
    opened_by: str = Field(max_length=64, description="who started it: the learner, their manager or HR")
    question_count: int = Field(ge=1)
    passing_score: float
    status: str = Field(default="open", max_length=16, description="open, submitted")
    open_key: str | None = Field(default=None, max_length=100, unique=True)
    attempt_id: int | None = Field(default=None, foreign_key="hr_exam_attempt.id")
