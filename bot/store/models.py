"""SQLModel tables for conversation turns and quiz sessions (created by the `bot` Alembic branch)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Aware UTC timestamp (SQLModel refuses naive datetimes)."""
    return datetime.now(UTC)


class ConversationTurn(SQLModel, table=True):
    """One message of a thread (the person's or the bot's), kept to rewrite follow-ups and give the LLM context."""

    __tablename__ = "bot_turn"
    __table_args__ = (Index("ix_bot_turn_thread", "channel", "thread_id", "employee_id"),)
    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=16)
    thread_id: str = Field(max_length=200)
    employee_id: str = Field(max_length=64, index=True)
    role: str = Field(max_length=16, description="user or assistant")
    text: str = Field(sa_type=Text)
    intent: str = Field(default="", max_length=40)
    standalone: str = Field(default="", sa_type=Text, description="the question after follow-up rewriting (user turns)")
    pending: str = Field(default="", sa_type=Text,
                         description="JSON of a change awaiting the person's confirmation (bot turns)")
    created_at: datetime = Field(default_factory=utcnow)


class QuizSession(SQLModel, table=True):
    """A quiz being taken in a thread: its items, the answers so far, and whether the attempt was recorded."""

    __tablename__ = "bot_quiz_session"
    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=16)
    thread_id: str = Field(max_length=200)
    employee_id: str = Field(max_length=64, index=True)
    course: str | None = Field(default=None, max_length=32)
    quiz_json: str = Field(sa_type=Text, description="Quiz.to_dict() as JSON")
    position: int = 0
    tries_on_current: int = 0
    correct: int = 0
    finished: bool = False
    recorded: bool = False
    created_at: datetime = Field(default_factory=utcnow)


class DialogueStateRow(SQLModel, table=True):
    """A thread's dialogue state (bot.dialogue.state.DialogueState as JSON), one row per (channel, thread, person)."""

    __tablename__ = "bot_dialogue_state"
    __table_args__ = (UniqueConstraint("channel", "thread_id", "employee_id", name="uq_bot_dialogue_state_thread"),)
    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=16)
    thread_id: str = Field(max_length=200)
    employee_id: str = Field(max_length=64, index=True)
    state_json: str = Field(default="{}", sa_type=Text, description="DialogueState.to_json()")
    updated_at: datetime = Field(default_factory=utcnow)
