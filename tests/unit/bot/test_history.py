"""Conversation history and quiz sessions in a database of their own."""

from __future__ import annotations

import pytest

from adapters.wiring import build_engine_at
from bot.quiz.model import Quiz, QuizItem
from bot.store.history import HistoryStore
from bot.store.quiz_sessions import QuizSessionStore


@pytest.fixture
def engine(tmp_path):
    engine = build_engine_at(f"sqlite:///{tmp_path / 'bot.db'}")  # tables from Alembic, as in every process
    yield engine
    engine.dispose()


def test_history_is_per_thread_and_person(engine):
    store = HistoryStore(engine)
    store.append("slack", "t1", "E1", "user", "年假有几天？", "search_knowledge", "年假有几天？")
    store.append("slack", "t1", "E1", "assistant", "15天", "search_knowledge", pending='{"op": "enroll"}')
    store.append("slack", "t2", "E1", "user", "other thread")
    store.append("slack", "t1", "E2", "user", "other person")
    turns = store.recent("slack", "t1", "E1")
    assert [t.text for t in turns] == ["年假有几天？", "15天"]
    assert turns[1].pending == '{"op": "enroll"}'
    assert len(store.recent("slack", "t1", "E1", limit=1)) == 1


def test_a_new_quiz_closes_the_open_one(engine):
    store = QuizSessionStore(engine)
    item = QuizItem(kind="cloze", question="q", answer="a", explanation="", difficulty=1, chunk_id="c", source="s",
                    title="t", heading="h", evidence="e", stem="____")
    first = store.start("cli", "t", "E1", Quiz("X", [item], course="SEC-101"))
    second = store.start("cli", "t", "E1", Quiz("Y", [item, item]))
    current = store.current("cli", "t", "E1")
    assert current.id == second.id != first.id and len(current.quiz.items) == 2
    current.position, current.finished = 2, True
    store.save(current)
    assert store.current("cli", "t", "E1") is None
