"""The notifier port: channels implement `send`; the HR core only decides who gets what, when, and logs it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class Notification:
    """A message for one person, in both languages, with every contact id a channel may need."""

    recipient_id: str
    kind: str
    text_zh: str
    text_en: str
    dedupe_key: str
    slack_user_id: str | None = None
    wecom_userid: str | None = None
    email: str | None = None


class Notifier(Protocol):
    """Delivers a notification; raises on failure so the send log records it as failed."""

    def send(self, notification: Notification) -> None:
        """Deliver one message."""


@dataclass
class RecordingNotifier:
    """A notifier that keeps what it was given (tests, dry runs); can be told to fail for some recipients."""

    sent: list[Notification] = field(default_factory=list)
    fail_for: set[str] = field(default_factory=set)

    def send(self, notification: Notification) -> None:
        """Record the message, or raise for recipients set up to fail."""
        if notification.recipient_id in self.fail_for:
            raise ConnectionError(f"delivery to {notification.recipient_id} failed")
        self.sent.append(notification)


@dataclass
class PrintingNotifier:
    """The terminal channel: prints each message (used by `mentor jobs run-due` when no chat channel is wired)."""

    lang: str = "zh"
    out: object = None

    def send(self, notification: Notification) -> None:
        """Write one line per message."""
        import sys

        text = notification.text_zh if self.lang.startswith("zh") else notification.text_en
        print(f"[{notification.kind} → {notification.recipient_id}] {text}", file=self.out or sys.stdout)
