"""The channels' own tables: seen event ids, API tokens (hashed) and feedback on answers."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Timestamps are stored in UTC so replicas in any zone agree."""
    return datetime.now(UTC)


class ChannelDedupe(SQLModel, table=True):
    """One row per platform event already accepted; the primary key makes a second insert fail on every replica."""

    __tablename__ = "channel_dedupe"

    key: str = Field(primary_key=True, max_length=200)
    created_at: datetime = Field(default_factory=utcnow, index=True)


class ApiToken(SQLModel, table=True):
    """A per-employee API token; only its SHA-256 is stored, so a database leak reveals no usable token."""

    __tablename__ = "api_token"

    id: int | None = Field(default=None, primary_key=True)
    employee_id: str = Field(index=True, max_length=64)
    token_hash: str = Field(unique=True, max_length=64)
    label: str = Field(default="", max_length=100)
    created_at: datetime = Field(default_factory=utcnow)
    revoked: bool = Field(default=False)


class AnswerFeedback(SQLModel, table=True):
    """A helpful / not helpful vote on one answer, kept so answer quality can be reviewed."""

    __tablename__ = "answer_feedback"

    id: int | None = Field(default=None, primary_key=True)
    employee_id: str = Field(index=True, max_length=64)
    channel: str = Field(max_length=16)
    message_ref: str = Field(max_length=200)
    helpful: bool
    created_at: datetime = Field(default_factory=utcnow)


def ensure_channel_tables(engine) -> None:
    """Bring the database (channel tables included) to the Alembic heads; Alembic is the only schema source."""
    from adapters.migrations.runner import upgrade_engine

    upgrade_engine(engine)
