"""The two things every channel needs from the layers below, typed as small Protocols so adapters stay thin."""

from __future__ import annotations

from typing import Protocol

from bot.messages import BotReply, IncomingMessage


class ChatHandler(Protocol):
    """What `bot.ChatService` offers a channel: one verified message in, one reply out."""

    def handle(self, msg: IncomingMessage) -> BotReply:
        """Answer one message from one known employee."""
        ...


class EmployeeDirectory(Protocol):
    """How a channel turns a platform identity into an employee id (HR owns the records)."""

    def by_slack_id(self, slack_user_id: str) -> str | None:
        """The employee whose stored Slack id this is, or None."""
        ...

    def by_email(self, email: str) -> str | None:
        """The employee with this work email, or None."""
        ...

    def by_wecom_userid(self, userid: str) -> str | None:
        """The employee whose WeCom userid this is, or None."""
        ...
