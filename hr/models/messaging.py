"""The notification outbox: nudges, reminders and overdue notices with their delivery state."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel

NOTICE_STATUSES = ("pending", "sending", "sent", "failed", "skipped")


class NotificationLog(SQLModel, table=True):
    """One notice. `pending` until a channel accepts it (`sent`, with the platform's message id), `failed` with the
    reason after the policy's retries, or `skipped` with a reason (quiet hours, daily quota). `sending` is a short
    lease while one worker talks to the channel. dedupe_key stops the same notice from being queued twice."""

    __tablename__ = "hr_notification_log"
    __table_args__ = (Index("ix_notification_outbox", "status", "next_attempt_at"),)
    id: int | None = Field(default=None, primary_key=True)
    dedupe_key: str = Field(unique=True, max_length=200)
    recipient_id: str = Field(foreign_key="hr_employee.id", index=True, max_length=64)
    sender_id: str | None = Field(default=None, max_length=64)
    kind: str = Field(max_length=24, description="nudge, reminder_before, reminder_day, overdue")
    day: date
    created_at: datetime
    sent_at: datetime | None = Field(default=None, description="when a channel accepted it")
    status: str = Field(default="pending", max_length=16, description="pending, sending, sent, failed, skipped")
    subject_ref: str = Field(default="", max_length=100, description="enrollment or session the message is about")
    text_zh: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    text_en: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    channel: str | None = Field(default=None, max_length=16, description="slack or wecom once sent")
    message_id: str | None = Field(default=None, max_length=200, description="the platform's id for the message")
    attempts: int = 0
    next_attempt_at: datetime | None = Field(default=None, description="when delivery may be tried (again)")
    reason: str = Field(default="", max_length=300, description="why it failed or was skipped")
