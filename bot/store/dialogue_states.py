"""Load and save a thread's dialogue state (one JSON row per channel, thread and person)."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from bot.dialogue.state import DialogueState
from bot.store.models import DialogueStateRow, utcnow


class DialogueStateStore:
    """Reads and writes DialogueState; a thread nobody wrote in yet has the empty state."""

    def __init__(self, engine: Engine):
        """Keep the engine; sessions are opened per call."""
        self.engine = engine

    def load(self, channel: str, thread_id: str, employee_id: str) -> DialogueState:
        """The thread's state, or a fresh one."""
        with Session(self.engine) as db:
            row = self._row(db, channel, thread_id, employee_id)
            return DialogueState.from_json(row.state_json if row else None)

    def save(self, channel: str, thread_id: str, employee_id: str, state: DialogueState) -> None:
        """Replace the thread's state (insert on first save; a concurrent first insert becomes an update)."""
        for _attempt in range(2):
            with Session(self.engine) as db:
                row = self._row(db, channel, thread_id, employee_id) or DialogueStateRow(
                    channel=channel, thread_id=thread_id, employee_id=employee_id)
                row.state_json, row.updated_at = state.to_json(), utcnow()
                db.add(row)
                try:
                    db.commit()
                    return
                except IntegrityError:
                    db.rollback()  # another worker inserted the row first: read it and update

    @staticmethod
    def _row(db: Session, channel: str, thread_id: str, employee_id: str) -> DialogueStateRow | None:
        """The thread's row, if any."""
        return db.exec(select(DialogueStateRow).where(
            DialogueStateRow.channel == channel, DialogueStateRow.thread_id == thread_id,
            DialogueStateRow.employee_id == employee_id)).first()
