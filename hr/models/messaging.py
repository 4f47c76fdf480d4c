"""The log of nudges, reminders and overdue notices; its unique key is what makes sending idempotent."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel


class NotificationLog(SQLModel, table=True):
    """One delivered (or attempted) message; dedupe_key stops a second send of the same thing."""

    __tablename__ = "hr_notification_log"
    id: int | None = Field(default=None, primary_key=True)
    dedupe_key: str = Field(unique=True, max_length=200)
    recipient_id: str = Field(foreign_key="hr_employee.id", index=True, max_length=64)
    sender_id: str | None = Field(default=None, max_length=64)
    kind: str = Field(max_length=24, description="nudge, reminder_before, reminder_day, overdue")
    day: date
    sent_at: datetime
    status: str = Field(default="sent", max_length=16, description="sent or failed")
    subject_ref: str = Field(default="", max_length=100, description="enrollment or session the message is about")
