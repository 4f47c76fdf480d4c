"""Hand one logged message to the notifier; shared by nudges and the scheduled jobs."""

from __future__ import annotations

import logging

from sqlmodel import Session

from hr.models import Employee, NotificationLog
from hr.notify import Notification, Notifier
from hr.repositories import notification_repo

log = logging.getLogger(__name__)


def deliver(db: Session, notifier: Notifier, entry: NotificationLog, recipient: Employee | None, text_zh: str,
            text_en: str) -> bool:
    """Hand one logged message to the notifier; a failure is recorded on the log row, not raised."""
    notification = Notification(entry.recipient_id, entry.kind, text_zh, text_en, entry.dedupe_key,
                                recipient.slack_user_id if recipient else None,
                                recipient.wecom_userid if recipient else None, recipient.email if recipient else None)
    try:
        notifier.send(notification)
    except Exception as exc:  # noqa: BLE001 - any channel error is logged on the row and reported, not fatal
        log.warning("delivery failed kind=%s recipient=%s: %s", entry.kind, entry.recipient_id, type(exc).__name__)
        notification_repo.mark_failed(db, entry)
        return False
    return True
