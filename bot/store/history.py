"""Conversation history per (channel, thread, person): append a turn, read the recent ones."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.store.models import ConversationTurn


@dataclass(frozen=True)
class Turn:
    """A past message, detached from the database session."""

    role: str
    text: str
    intent: str
    standalone: str
    pending: str = ""


class HistoryStore:
    """Reads and writes a thread's turns; one thread belongs to one person on one channel."""

    def __init__(self, engine: Engine):
        """Keep the engine; sessions are opened per call."""
        self.engine = engine

    def append(self, channel: str, thread_id: str, employee_id: str, role: str, text: str, intent: str = "",
               standalone: str = "", pending: str = "") -> None:
        """Store one turn."""
        with Session(self.engine) as db:
            db.add(ConversationTurn(channel=channel, thread_id=thread_id, employee_id=employee_id, role=role,
                                    text=text, intent=intent, standalone=standalone,
                                    pending=pending))
            db.commit()

    def recent(self, channel: str, thread_id: str, employee_id: str, limit: int = 10) -> list[Turn]:
        """The last `limit` turns of the thread, oldest first."""
        with Session(self.engine) as db:
            rows = db.exec(
                select(ConversationTurn)
                .where(ConversationTurn.channel == channel, ConversationTurn.thread_id == thread_id,
                       ConversationTurn.employee_id == employee_id)
                .order_by(ConversationTurn.id.desc()).limit(limit)
            ).all()
        return [Turn(r.role, r.text, r.intent, r.standalone, r.pending) for r in reversed(rows)]
