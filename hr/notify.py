"""The notifier port: channels implement `send` and return the platform's receipt; HR keeps the outbox."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class Receipt:
    """Proof a channel accepted the message: which channel and the platform's message id."""

    channel: str
    message_id: str


class DeliveryError(Exception):
    """A channel refused or could not take the message; `retryable=False` when trying again cannot help."""

    def __init__(self, reason: str, retryable: bool = True) -> None:
        """Keep the reason (stored on the outbox row) and whether a retry may succeed."""
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable


class Notifier(Protocol):
    """Delivers one notification and returns the platform's receipt; raises (DeliveryError or any error) on failure
    so the outbox records the reason and retries per policy."""

    def send(self, notification: Notification) -> Receipt:
        """Deliver one message."""
        ...


@dataclass(frozen=True)
class DeliveryOff:
    """No channel can deliver yet: notices stay pending, and this says why and which settings to fill in."""

    reason_en: str
    reason_zh: str

    def message(self, lang: str = "en") -> str:
        """The reason in the reader's language."""
        return self.reason_zh if lang.startswith("zh") else self.reason_en


NO_CHANNEL = DeliveryOff("no notification channel was configured for the HR service",
                         "HR 服务尚未配置通知渠道")
