"""The send log: claiming a dedupe key is how a nudge or reminder is sent at most once."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from hr.models import NotificationLog


def nudges_received_on(db: Session, recipient_id: str, day: date) -> int:
    """How many nudges a person got on a (local) day."""
    query = select(func.count()).select_from(NotificationLog).where(
        NotificationLog.recipient_id == recipient_id, NotificationLog.kind == "nudge", NotificationLog.day == day)
    return int(db.exec(query).one())


def claim(db: Session, entry: NotificationLog) -> bool:
    """Insert the log row inside a savepoint; False when the key exists (someone already sent it)."""
    try:
        with db.begin_nested():
            db.add(entry)
            db.flush()
    except IntegrityError:
        return False
    return True


def mark_failed(db: Session, entry: NotificationLog) -> None:
    """Record that delivery failed (the row stays so the failure is visible and not retried blindly)."""
    entry.status = "failed"
    db.add(entry)
