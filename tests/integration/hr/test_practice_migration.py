"""hr_0007 moves exam attempts that chat quizzes wrote into practice, and reopens completions only they made."""

from __future__ import annotations

import json
from contextlib import contextmanager
from datetime import UTC, date, datetime

import pytest
from alembic import command
from sqlmodel import select

from adapters.migrations.runner import alembic_config, upgrade_to_heads
from hr.db import make_engine, session_scope
from hr.models import Enrollment, ExamAttempt, PracticeAttempt, ProgressEvent
from tests.integration.hr import seed
from tests.postgres_schema import fresh_postgres_schema


@contextmanager
def _before_split(backend: str, tmp_path):
    """A database at the last revision before the practice/exam split (hr_0006 and the bot tables)."""
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'old.db'}"
        yield _migrate_old(url)
        return
    with fresh_postgres_schema() as url:
        yield _migrate_old(url)


def _migrate_old(url: str) -> str:
    """Upgrade hr to hr_0006 and every other branch to its head."""
    config = alembic_config(url)
    command.upgrade(config, "hr_0006")
    command.upgrade(config, "bot@head")
    return url


def _quiz_session(db, employee: str, course: str, items: int, correct: int, began: datetime, recorded: bool) -> None:
    """A bot_quiz_session row as the old chat quiz left it."""
    from sqlalchemy import text

    quiz = {"topic": course, "course": course, "language": "zh", "mode": "offline",
            "items": [{"kind": "true_false"} for _ in range(items)]}
    db.execute(text("INSERT INTO bot_quiz_session (channel, thread_id, employee_id, course, quiz_json, position, "
                    "tries_on_current, correct, finished, recorded, created_at) VALUES ('slack', 't', :e, :c, :q, "
                    ":n, 0, :ok, :t, :rec, :at)"),
               {"e": employee, "c": course, "q": json.dumps(quiz), "n": items, "ok": correct, "t": True,
                "rec": recorded, "at": began})


def _old_chat_history(engine) -> None:
    """What the old code wrote: s1's 2/3 self-test as SAL-101 attempt 3; e2's 3/3 self-test as a pass that
    completed CMP-101 by itself; and an unrecorded quiz whose score equals a real exam (must stay)."""
    with session_scope(engine, write=True) as db:
        db.add(ExamAttempt(employee_id="s1", course_code="SAL-101", attempted_on=date(2026, 3, 20), score=66.7,
                           passed=True, attempt_no=3))
        cmp = db.exec(select(Enrollment).where(Enrollment.employee_id == "e2",
                                               Enrollment.course_code == "CMP-101")).one()
        db.add(ProgressEvent(enrollment_id=cmp.id, at=datetime(2026, 3, 1, 9, tzinfo=UTC), kind="progress",
                             progress_pct=10, actor_id="e2"))
        db.add(ExamAttempt(employee_id="e2", course_code="CMP-101", attempted_on=date(2026, 3, 22), score=100.0,
                           passed=True, attempt_no=1))
        cmp.status, cmp.completed_on, cmp.progress_pct = "completed", date(2026, 3, 22), 100
        db.add(cmp)
        db.add(ProgressEvent(enrollment_id=cmp.id, at=datetime(2026, 3, 22, 9, tzinfo=UTC), kind="completed",
                             progress_pct=100, actor_id="e2"))
        db.flush()
        _quiz_session(db, "s1", "SAL-101", 3, 2, datetime(2026, 3, 20, 2, tzinfo=UTC), True)
        _quiz_session(db, "e2", "CMP-101", 3, 3, datetime(2026, 3, 21, 23, tzinfo=UTC), True)
        _quiz_session(db, "e2", "SEC-101", 5, 3, datetime(2026, 2, 10, 1, tzinfo=UTC), False)  # 60.0, never recorded


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_chat_quiz_attempts_become_practice(backend, tmp_path):
    with _before_split(backend, tmp_path) as url:
        engine = make_engine(url)
        seed.load(engine)
        _old_chat_history(engine)
        upgrade_to_heads(url)
        with session_scope(engine) as db:
            exams = {(a.employee_id, a.course_code, a.attempt_no, a.score) for a in db.exec(select(ExamAttempt))}
            practice = [(p.employee_id, p.course_code, p.score, p.questions, p.correct, p.source,
                         p.moved_from_attempt_no) for p in db.exec(select(PracticeAttempt).order_by(PracticeAttempt.id))]
            cmp = db.exec(select(Enrollment).where(Enrollment.employee_id == "e2",
                                                   Enrollment.course_code == "CMP-101")).one()
            last = db.exec(select(ProgressEvent).where(ProgressEvent.enrollment_id == cmp.id)
                           .order_by(ProgressEvent.id.desc())).first()
            sal = db.exec(select(Enrollment).where(Enrollment.employee_id == "s1",
                                                   Enrollment.course_code == "SAL-101")).one()
        engine.dispose()
    assert exams == {("e1", "SEC-101", 1, 70.0), ("e1", "SEC-101", 2, 88.0), ("e2", "SEC-101", 1, 60.0),
                     ("s1", "SAL-101", 1, 55.0), ("s1", "SAL-101", 2, 75.0)}
    assert practice == [("s1", "SAL-101", 66.7, 3, 2, "migrated", 3), ("e2", "CMP-101", 100.0, 3, 3, "migrated", 1)]
    assert (cmp.status, cmp.completed_on, cmp.progress_pct) == ("in_progress", None, 10)
    assert (last.kind, last.actor_id) == ("reopened", "migration:hr_0007")
    assert (sal.status, sal.completed_on) == ("completed", date(2026, 3, 1))  # an official pass completed it
