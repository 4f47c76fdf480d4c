"""hr: data migration: exam attempts that came from chat quizzes become practice attempts

Revision ID: hr_0007
Revises: hr_0006
Create Date: 2026-11-26 10:00:00

Before the practice/exam split, finishing a chat quiz on a course wrote an official exam attempt (and a pass
completed the course). Those attempts are found through the bot's quiz sessions that say they were recorded: same
person, same course, the quiz's score (first-try right / items, one decimal), on or after the day the quiz began. Each
one moves to hr_practice_attempt (source "migrated", with its old attempt number kept for audit) and leaves
hr_exam_attempt, so pass rates, KPIs and retake counts no longer see it. When such a practice pass had completed the
course by itself (the completion was logged by the learner on that day and no official pass remains), the enrollment
is reopened at its last recorded progress and a "reopened" event is appended to the progress log.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "hr_0007"
down_revision = "hr_0006"
branch_labels = None
depends_on = "bot_0001"

log = logging.getLogger("alembic.runtime.migration")
ACTOR = "migration:hr_0007"

exam = sa.table("hr_exam_attempt", sa.column("id", sa.Integer), sa.column("employee_id", sa.String),
                sa.column("course_code", sa.String), sa.column("attempted_on", sa.Date), sa.column("score", sa.Float),
                sa.column("passed", sa.Boolean), sa.column("attempt_no", sa.Integer))
practice = sa.table("hr_practice_attempt", sa.column("employee_id", sa.String), sa.column("course_code", sa.String),
                    sa.column("attempted_on", sa.Date), sa.column("score", sa.Float),
                    sa.column("questions", sa.Integer), sa.column("correct", sa.Integer),
                    sa.column("source", sa.String), sa.column("moved_from_attempt_no", sa.Integer))
quiz = sa.table("bot_quiz_session", sa.column("id", sa.Integer), sa.column("employee_id", sa.String),
                sa.column("course", sa.String), sa.column("quiz_json", sa.Text), sa.column("correct", sa.Integer),
                sa.column("recorded", sa.Boolean), sa.column("created_at", sqlmodel.sql.sqltypes.UTCDateTime()))
enrollment = sa.table("hr_enrollment", sa.column("id", sa.Integer), sa.column("employee_id", sa.String),
                      sa.column("course_code", sa.String), sa.column("status", sa.String),
                      sa.column("enrolled_on", sa.Date), sa.column("completed_on", sa.Date),
                      sa.column("progress_pct", sa.Integer))
event = sa.table("hr_progress_event", sa.column("id", sa.Integer), sa.column("enrollment_id", sa.Integer),
                 sa.column("at", sqlmodel.sql.sqltypes.UTCDateTime()), sa.column("kind", sa.String),
                 sa.column("progress_pct", sa.Integer), sa.column("actor_id", sa.String))


def upgrade() -> None:
    """Move every chat-quiz exam attempt to practice; reopen completions that only such a pass had made."""
    bind = op.get_bind()
    used: set[int] = set()
    moved = reopened = 0
    sessions = bind.execute(sa.select(quiz.c.employee_id, quiz.c.course, quiz.c.quiz_json, quiz.c.correct,
                                      quiz.c.created_at)
                            .where(quiz.c.recorded.is_(True), quiz.c.course.is_not(None)).order_by(quiz.c.id)).all()
    for employee_id, course, quiz_json, correct, created_at in sessions:
        questions = len(json.loads(quiz_json).get("items", []))
        if questions == 0:
            continue
        score = round(100 * correct / questions, 1)
        attempt = _matching_attempt(bind, employee_id, course, score, _as_date(created_at), used)
        if attempt is None:
            continue
        used.add(attempt.id)
        bind.execute(practice.insert().values(employee_id=employee_id, course_code=attempt.course_code,
                                              attempted_on=attempt.attempted_on, score=attempt.score,
                                              questions=questions, correct=correct, source="migrated",
                                              moved_from_attempt_no=attempt.attempt_no))
        bind.execute(exam.delete().where(exam.c.id == attempt.id))
        moved += 1
        if attempt.passed and _reopen_if_only_practice_completed(bind, attempt):
            reopened += 1
    log.info("hr_0007: %s chat-quiz exam attempts moved to practice, %s enrollments reopened", moved, reopened)


def _as_date(value) -> date:
    """A stored timestamp (datetime, or ISO text on some drivers) as a date."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.date() if isinstance(value, datetime) else value


def _matching_attempt(bind, employee_id: str, course: str, score: float, began: date, used: set[int]):
    """The earliest unclaimed exam attempt with the quiz's person, course and score, from the day before it began
    (the HR day is in the policy timezone, the quiz's timestamp in UTC)."""
    rows = bind.execute(sa.select(exam).where(exam.c.employee_id == employee_id, exam.c.course_code == course,
                                              exam.c.attempted_on >= began - timedelta(days=1))
                        .order_by(exam.c.attempted_on, exam.c.attempt_no)).all()
    return next((r for r in rows if r.id not in used and abs(float(r.score) - score) < 0.05), None)


def _reopen_if_only_practice_completed(bind, attempt) -> bool:
    """Reopen the enrollment a moved practice pass completed by itself; False when anything else completed it."""
    row = bind.execute(sa.select(enrollment).where(enrollment.c.employee_id == attempt.employee_id,
                                                   enrollment.c.course_code == attempt.course_code)).first()
    if row is None or row.status != "completed" or row.completed_on != attempt.attempted_on:
        return False
    official_pass = bind.execute(sa.select(sa.func.count()).select_from(exam).where(
        exam.c.employee_id == attempt.employee_id, exam.c.course_code == attempt.course_code,
        exam.c.passed.is_(True), exam.c.attempted_on >= row.enrolled_on)).scalar()
    if official_pass:
        return False
    completed_by = bind.execute(sa.select(event.c.actor_id).where(event.c.enrollment_id == row.id,
                                                                 event.c.kind == "completed")
                                .order_by(event.c.id.desc()).limit(1)).scalar()
    if completed_by != attempt.employee_id:
        return False
    last_pct = bind.execute(sa.select(event.c.progress_pct).where(event.c.enrollment_id == row.id,
                                                                 event.c.kind == "progress")
                            .order_by(event.c.id.desc()).limit(1)).scalar() or 0
    bind.execute(enrollment.update().where(enrollment.c.id == row.id).values(
        status="in_progress" if last_pct else "enrolled", completed_on=None, progress_pct=last_pct))
    bind.execute(event.insert().values(enrollment_id=row.id, at=datetime.now(UTC), kind="reopened",
                                       progress_pct=last_pct, actor_id=ACTOR))
    return True


def downgrade() -> None:
    """Put migrated practice rows back as exam attempts (reopened enrollments stay reopened: re-complete by hand)."""
    bind = op.get_bind()
    course = sa.table("hr_course", sa.column("code", sa.String), sa.column("passing_score", sa.Float))
    migrated = sa.table("hr_practice_attempt", sa.column("id", sa.Integer), *[sa.column(c.name, c.type)
                                                                             for c in practice.columns])
    for row in bind.execute(sa.select(migrated).where(migrated.c.source == "migrated")).all():
        bar = bind.execute(sa.select(course.c.passing_score).where(course.c.code == row.course_code)).scalar()
        bind.execute(exam.insert().values(employee_id=row.employee_id, course_code=row.course_code,
                                          attempted_on=row.attempted_on, score=row.score,
                                          passed=row.score >= (bar or 0), attempt_no=row.moved_from_attempt_no))
    bind.execute(migrated.delete().where(migrated.c.source == "migrated"))
