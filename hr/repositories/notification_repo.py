"""The outbox table: queue a notice once (dedupe key), lease it for delivery, record the outcome."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from hr.models import NotificationLog

COUNTS_AS_NUDGED = ("pending", "sending", "sent")


def nudges_received_on(db: Session, recipient_id: str, day: date) -> int:
    """How many nudges were queued or sent to a person on a (local) day (skipped and failed ones do not count)."""
    query = select(func.count()).select_from(NotificationLog).where(
        NotificationLog.recipient_id == recipient_id, NotificationLog.kind == "nudge", NotificationLog.day == day,
        NotificationLog.status.in_(COUNTS_AS_NUDGED))
    return int(db.exec(query).one())


def claim(db: Session, entry: NotificationLog) -> bool:
    """Insert the row inside a savepoint; False when the dedupe key exists (already queued)."""
    try:
        with db.begin_nested():
            db.add(entry)
            db.flush()
    except IntegrityError:
        return False
    return True


def deliverable_ids(db: Session, now: datetime, ids: list[int] | None = None, limit: int = 500) -> list[int]:
    """Pending notices whose time has come (and `sending` ones whose lease ran out), oldest first."""
    query = select(NotificationLog.id).where(_deliverable(now))
    if ids is not None:
        query = query.where(NotificationLog.id.in_(ids))
    return list(db.exec(query.order_by(NotificationLog.id).limit(limit)))


def _deliverable(now: datetime):
    """pending and due, or sending with an expired lease (a worker died mid-send)."""
    return (or_(NotificationLog.status == "pending", NotificationLog.status == "sending")
            & (NotificationLog.next_attempt_at <= now))


def lease(db: Session, notice_id: int, now: datetime, until: datetime) -> bool:
    """Take the notice for one delivery attempt; False when another worker has it or it is no longer due."""
    result = db.execute(update(NotificationLog).where(NotificationLog.id == notice_id, _deliverable(now))
                        .values(status="sending", next_attempt_at=until))
    return result.rowcount == 1


def count_by_status(db: Session, status: str) -> int:
    """How many notices are in a state (e.g. pending, for status pages)."""
    return int(db.exec(select(func.count()).select_from(NotificationLog).where(NotificationLog.status == status)).one())
