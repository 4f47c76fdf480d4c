"""A recording Notifier for tests: keeps what it was given, returns a receipt, can fail for chosen recipients."""

from __future__ import annotations

from dataclasses import dataclass, field

from hr.notify import Notification, Receipt


@dataclass
class RecordingNotifier:
    """Implements hr.notify.Notifier in memory; `fail_for` recipients raise like an unreachable channel."""

    sent: list[Notification] = field(default_factory=list)
    fail_for: set[str] = field(default_factory=set)

    def send(self, notification: Notification) -> Receipt:
        """Record the message and return a receipt, or raise for recipients set up to fail."""
        if notification.recipient_id in self.fail_for:
            raise ConnectionError(f"delivery to {notification.recipient_id} failed")
        self.sent.append(notification)
        return Receipt("recording", f"rec-{len(self.sent)}")
