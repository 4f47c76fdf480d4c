"""Store helpful / not-helpful votes from any channel so answer quality can be reviewed."""

from __future__ import annotations

import logging

from adapters.tables import AnswerFeedback
from hr.db import session_scope

log = logging.getLogger(__name__)


class FeedbackStore:
    """Append-only feedback rows in the shared database."""

    def __init__(self, engine) -> None:
        """Keep the engine built by the composition root."""
        self._engine = engine

    def record(self, employee_id: str, channel: str, message_ref: str, helpful: bool) -> None:
        """Save one vote (the same person may change their mind; every vote is kept)."""
        with session_scope(self._engine, write=True) as session:
            session.add(AnswerFeedback(employee_id=employee_id, channel=channel, message_ref=message_ref[:200],
                                       helpful=helpful))
        log.info("feedback recorded channel=%s helpful=%s", channel, helpful)

    def count(self, helpful: bool | None = None) -> int:
        """How many votes (of one kind) exist; for reports and tests."""
        from sqlmodel import func, select

        query = select(func.count()).select_from(AnswerFeedback)
        if helpful is not None:
            query = query.where(AnswerFeedback.helpful == helpful)
        with session_scope(self._engine) as session:
            return int(session.exec(query).one())
