"""The quiz in progress per thread: start one, read the current item, move on after an answer."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.quiz.model import Quiz
from bot.store.models import QuizSession


@dataclass
class ActiveQuiz:
    """A quiz session detached from the database: the quiz and where the learner is in it."""

    id: int
    quiz: Quiz
    position: int
    tries_on_current: int
    correct: int
    finished: bool
    recorded: bool


class QuizSessionStore:
    """Keeps at most one open quiz per (channel, thread, person); starting a new one closes the old one."""

    def __init__(self, engine: Engine):
        """Keep the engine; sessions are opened per call."""
        self.engine = engine

    def start(self, channel: str, thread_id: str, employee_id: str, quiz: Quiz) -> ActiveQuiz:
        """Open a new quiz, finishing any open one in the thread."""
        with Session(self.engine) as db:
            for old in self._open(db, channel, thread_id, employee_id):
                old.finished = True
                db.add(old)
            row = QuizSession(channel=channel, thread_id=thread_id, employee_id=employee_id, course=quiz.course,
                              quiz_json=json.dumps(quiz.to_dict(), ensure_ascii=False))
            db.add(row)
            db.commit()
            db.refresh(row)
            return _detach(row)

    def current(self, channel: str, thread_id: str, employee_id: str) -> ActiveQuiz | None:
        """The open quiz of the thread, if any."""
        with Session(self.engine) as db:
            rows = self._open(db, channel, thread_id, employee_id)
            return _detach(rows[-1]) if rows else None

    def save(self, active: ActiveQuiz) -> None:
        """Write back progress after an answer."""
        with Session(self.engine) as db:
            row = db.get(QuizSession, active.id)
            if row is None:
                return
            row.position, row.tries_on_current, row.correct = active.position, active.tries_on_current, active.correct
            row.finished, row.recorded = active.finished, active.recorded
            db.add(row)
            db.commit()

    @staticmethod
    def _open(db: Session, channel: str, thread_id: str, employee_id: str) -> list[QuizSession]:
        """Unfinished quiz rows of the thread, oldest first."""
        return list(db.exec(select(QuizSession).where(
            QuizSession.channel == channel, QuizSession.thread_id == thread_id,
            QuizSession.employee_id == employee_id, QuizSession.finished == False  # noqa: E712
        ).order_by(QuizSession.id)).all())


def _detach(row: QuizSession) -> ActiveQuiz:
    """Copy a row into plain data."""
    return ActiveQuiz(id=row.id, quiz=Quiz.from_dict(json.loads(row.quiz_json)), position=row.position,
                      tries_on_current=row.tries_on_current, correct=row.correct, finished=row.finished,
                      recorded=row.recorded)

