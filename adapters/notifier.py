"""HR's Notifier port delivered through the chat channels: Slack DM first, then WeCom, else an error."""

from __future__ import annotations

import logging

from adapters.textsplit import split_utf8
from hr.notify import Notification

WECOM_MAX_BYTES = 2048

log = logging.getLogger(__name__)


class ChannelNotifier:
    """Sends nudges and reminders where the person is reachable; raises when no channel can reach them."""

    def __init__(self, slack_client=None, wecom_client=None, lang: str = "zh") -> None:
        """Either client may be None (that channel is not configured)."""
        self._slack = slack_client
        self._wecom = wecom_client
        self._lang = lang

    def text(self, notification: Notification) -> str:
        """Both languages, the configured one first (a nudge may reach someone before we know their language)."""
        first, second = ((notification.text_zh, notification.text_en) if self._lang.startswith("zh")
                         else (notification.text_en, notification.text_zh))
        return f"{first}\n{second}" if second and second != first else first

    def send(self, notification: Notification) -> None:
        """Deliver once; raise so HR's send log records the failure."""
        if self._slack is not None and notification.slack_user_id:
            channel = self._slack.conversations_open(users=notification.slack_user_id)["channel"]["id"]
            self._slack.chat_postMessage(channel=channel, text=self.text(notification))
            log.info("notification %s sent via slack", notification.kind)
            return
        if self._wecom is not None and notification.wecom_userid:
            for part in split_utf8(self.text(notification), WECOM_MAX_BYTES):  # WeCom caps text at 2,048 bytes
                self._wecom.send(notification.wecom_userid, {"msgtype": "text", "text": {"content": part}})
            log.info("notification %s sent via wecom", notification.kind)
            return
        raise LookupError(f"no configured channel can reach {notification.recipient_id} "
                          "(needs a Slack id with MENTOR_SLACK_* set, or a WeCom userid with MENTOR_WECOM_* set)")
