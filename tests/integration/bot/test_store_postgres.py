"""The bot's tables through the real Alembic migration on PostgreSQL (runs where MENTOR_TEST_POSTGRES_URL is set)."""

from __future__ import annotations

import pytest

from bot.quiz.model import Quiz, QuizItem
from bot.store.history import HistoryStore
from bot.store.quiz_sessions import QuizSessionStore
from hr.db import make_engine
from tests.postgres_schema import migrated_postgres_schema

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_engine():
    """A fresh schema migrated to heads (hr, adapters and bot branches), dropped afterwards."""
    with migrated_postgres_schema() as url:
        engine = make_engine(url)
        yield engine
        engine.dispose()


def test_history_and_quiz_sessions_on_postgres(pg_engine):
    history = HistoryStore(pg_engine)
    history.append("slack", "t1", "E1", "user", "那补考呢？", "search_knowledge", "补考怎么安排？")
    history.append("slack", "t1", "E1", "assistant", "……", pending='{"op": "enroll", "course": "SEC-101"}')
    turns = history.recent("slack", "t1", "E1")
    assert [t.role for t in turns] == ["user", "assistant"] and turns[0].standalone == "补考怎么安排？"
    item = QuizItem(kind="cloze", question="q", answer="a", explanation="", difficulty=1, chunk_id="c", source="s",
                    title="t", heading="h", evidence="e", stem="____")
    sessions = QuizSessionStore(pg_engine)
    started = sessions.start("slack", "t1", "E1", Quiz("SEC-101", [item], course="SEC-101"))
    current = sessions.current("slack", "t1", "E1")
    assert current.id == started.id and current.quiz.course == "SEC-101"
