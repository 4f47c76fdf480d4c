"""The notification outbox: notices are queued inside the caller's transaction and delivered afterwards, one short
transaction per notice around the channel call, so "sent" is only written with the platform's receipt in hand."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from hr.db import session_scope
from hr.models import Course, Enrollment, NotificationLog
from hr.notify import DeliveryError, DeliveryOff, Notification, Notifier, Receipt
from hr.policy.model import NotificationRules
from hr.repositories import notification_repo, org_repo
from hr.rules.clock import in_quiet_hours

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=5)  # a worker that dies mid-send frees the notice after this


@dataclass(frozen=True)
class NoticeText:
    """What a notice says, in both languages."""

    zh: str
    en: str


def queue(db: Session, *, key: str, recipient_id: str, kind: str, day: date, now: datetime, text: NoticeText,
          subject_ref: str = "", sender_id: str | None = None) -> NotificationLog | None:
    """Add a pending notice; None when the same notice (dedupe key) was queued before."""
    entry = NotificationLog(dedupe_key=key, recipient_id=recipient_id, sender_id=sender_id, kind=kind, day=day,
                            created_at=now, status="pending", next_attempt_at=now, subject_ref=subject_ref,
                            text_zh=text.zh, text_en=text.en)
    return entry if notification_repo.claim(db, entry) else None


def skip(db: Session, *, recipient_id: str, kind: str, day: date, now: datetime, text: NoticeText, reason: str,
         subject_ref: str = "", sender_id: str | None = None) -> NotificationLog:
    """Record a notice that will not be sent and why (quiet hours, daily quota)."""
    entry = NotificationLog(dedupe_key=f"skipped:{kind}:{uuid.uuid4().hex}", recipient_id=recipient_id,
                            sender_id=sender_id, kind=kind, day=day, created_at=now, status="skipped",
                            subject_ref=subject_ref, text_zh=text.zh, text_en=text.en, reason=reason)
    db.add(entry)
    db.flush()
    return entry


@dataclass
class DeliveryReport:
    """What one delivery pass did, per notice id: sent (receipt), failed for good, or waiting to retry."""

    sent: dict[int, Receipt] = field(default_factory=dict)
    failed: dict[int, str] = field(default_factory=dict)
    retrying: dict[int, str] = field(default_factory=dict)
    delivery_off: DeliveryOff | None = None
    quiet_hours: bool = False


def deliver(engine: Engine, notifier: Notifier | None, off: DeliveryOff, *, now: datetime, rules: NotificationRules,
            ids: list[int] | None = None, limit: int = 500) -> DeliveryReport:
    """Try every deliverable notice (or only `ids`); with no notifier nothing is tried and all stay pending."""
    if notifier is None:
        return DeliveryReport(delivery_off=off)
    if in_quiet_hours(now, rules):
        return DeliveryReport(quiet_hours=True)
    with session_scope(engine) as db:
        due = notification_repo.deliverable_ids(db, now, ids, limit)
    report = DeliveryReport()
    for notice_id in due:
        notification = _lease(engine, notice_id, now)
        if notification is not None:
            _attempt(engine, notifier, notice_id, notification, now, rules, report)
    if report.sent or report.failed or report.retrying:
        log.info("outbox: sent=%s failed=%s retrying=%s", len(report.sent), len(report.failed), len(report.retrying))
    return report


def _lease(engine: Engine, notice_id: int, now: datetime) -> Notification | None:
    """Lease one notice and read what to send; None when someone else took it first."""
    with session_scope(engine, write=True) as db:
        if not notification_repo.lease(db, notice_id, now, now + LEASE):
            return None
        entry = db.get(NotificationLog, notice_id)
        person = org_repo.get_employee(db, entry.recipient_id)
        return Notification(entry.recipient_id, entry.kind, entry.text_zh, entry.text_en, entry.dedupe_key,
                            person.slack_user_id if person else None, person.wecom_userid if person else None,
                            person.email if person else None)


def _attempt(engine: Engine, notifier: Notifier, notice_id: int, notification: Notification, now: datetime,
             rules: NotificationRules, report: DeliveryReport) -> None:
    """Call the channel outside any transaction, then store the receipt or the failure."""
    try:
        receipt = notifier.send(notification)
        failure, retryable = None, False
    except DeliveryError as exc:
        receipt, failure, retryable = None, exc.reason, exc.retryable
    except Exception as exc:  # noqa: BLE001 - any channel error is stored on the notice with its reason
        receipt, failure, retryable = None, f"{type(exc).__name__}: {exc}", True
    with session_scope(engine, write=True) as db:
        entry = db.get(NotificationLog, notice_id)
        entry.attempts += 1
        if receipt is not None:
            entry.status, entry.sent_at, entry.reason = "sent", now, ""
            entry.channel, entry.message_id, entry.next_attempt_at = receipt.channel, receipt.message_id[:200], None
            report.sent[notice_id] = receipt
        elif not retryable or entry.attempts >= rules.max_delivery_attempts:
            entry.status, entry.reason, entry.next_attempt_at = "failed", failure[:300], None
            report.failed[notice_id] = entry.reason
            log.warning("notice %s failed after %s tries", notice_id, entry.attempts)
        else:
            entry.status, entry.reason = "pending", failure[:300]
            entry.next_attempt_at = now + timedelta(minutes=rules.retry_delay_minutes(entry.attempts))
            report.retrying[notice_id] = entry.reason
        db.add(entry)


def kinds_of(db: Session, notice_ids: list[int]) -> list[str]:
    """The kind of each notice id (for per-kind counts)."""
    return [db.get(NotificationLog, notice_id).kind for notice_id in notice_ids]


def pending_count(db: Session) -> int:
    """Notices still waiting for a channel or a retry."""
    return notification_repo.count_by_status(db, "pending")


def status_counts(db: Session) -> dict[str, int]:
    """How many notices are in each state."""
    rows = db.exec(select(NotificationLog.status, func.count()).group_by(NotificationLog.status)).all()
    return {status: int(count) for status, count in rows}


def recent(db: Session, status: str, limit: int = 20) -> list[NotificationLog]:
    """The latest notices in a state (e.g. failed ones, with their reasons)."""
    query = select(NotificationLog).where(NotificationLog.status == status)
    return list(db.exec(query.order_by(NotificationLog.id.desc()).limit(limit)))


def requeue_unconfirmed_overdue(db: Session, *, now: datetime) -> int:
    """Overdue notices marked "sent" before the outbox kept receipts (no channel, no message id) whose course is still
    overdue go back to pending with their text rebuilt, so a channel configured now delivers them."""
    rows = db.exec(select(NotificationLog).where(NotificationLog.kind == "overdue", NotificationLog.status == "sent",
                                                 NotificationLog.message_id.is_(None))).all()
    requeued = 0
    for entry in rows:
        enrollment = db.get(Enrollment, int(entry.subject_ref)) if entry.subject_ref.isdigit() else None
        if enrollment is None or enrollment.status != "overdue":
            continue
        course = db.get(Course, enrollment.course_code)
        title = course.title if course else enrollment.course_code
        entry.text_zh = f"{enrollment.course_code} {title} 已于 {enrollment.due_on} 到期，请尽快完成。"
        entry.text_en = f"{enrollment.course_code} {title} was due on {enrollment.due_on}; please complete it soon."
        entry.status, entry.attempts, entry.next_attempt_at, entry.sent_at = "pending", 0, now, None
        entry.reason = "requeued: marked sent before delivery receipts were kept"
        db.add(entry)
        requeued += 1
    log.info("requeued %s unconfirmed overdue notices", requeued)
    return requeued
