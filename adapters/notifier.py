"""HR's Notifier port delivered through the chat channels: Slack DM first, then WeCom; returns the platform's id."""

from __future__ import annotations

import logging
from typing import Any

from adapters.textsplit import split_utf8
from hr.notify import DeliveryError, DeliveryOff, Notification, Receipt

WECOM_MAX_BYTES = 2048

log = logging.getLogger(__name__)


class ChannelNotifier:
    """Sends nudges and reminders where the person is reachable; raises when no configured channel can reach them."""

    def __init__(self, slack_client: Any = None, wecom_client: Any = None, lang: str = "zh") -> None:
        """Either client may be None (that channel is not configured); the composition root builds this once."""
        self._slack = slack_client
        self._wecom = wecom_client
        self._lang = lang

    def text(self, notification: Notification) -> str:
        """Both languages, the configured one first (a nudge may reach someone before we know their language)."""
        first, second = ((notification.text_zh, notification.text_en) if self._lang.startswith("zh")
                         else (notification.text_en, notification.text_zh))
        return f"{first}\n{second}" if second and second != first else first

    def send(self, notification: Notification) -> Receipt:
        """Deliver once and return the receipt (Slack: channel:ts; WeCom: the msgid of each part)."""
        if self._slack is not None and notification.slack_user_id:
            channel = self._slack.conversations_open(users=notification.slack_user_id)["channel"]["id"]
            posted = self._slack.chat_postMessage(channel=channel, text=self.text(notification))
            log.info("notification %s sent via slack", notification.kind)
            return Receipt("slack", f"{posted.get('channel', channel)}:{posted['ts']}")
        if self._wecom is not None and notification.wecom_userid:
            ids = [str(self._wecom.send(notification.wecom_userid, {"msgtype": "text", "text": {"content": part}})
                       .get("msgid", "")) for part in split_utf8(self.text(notification), WECOM_MAX_BYTES)]
            log.info("notification %s sent via wecom", notification.kind)
            return Receipt("wecom", ",".join(ids))
        raise DeliveryError(f"no configured channel can reach {notification.recipient_id} (needs a Slack id with "
                            "MENTOR_SLACK_* set, or a WeCom userid with MENTOR_WECOM_* set)", retryable=False)


def delivery_off_reason() -> DeliveryOff:
    """Why notices wait when neither Slack nor WeCom is configured, naming the settings that turn delivery on."""
    return DeliveryOff(
        "no chat channel is configured, so notices wait as pending. Set MENTOR_SLACK_BOT_TOKEN and "
        "MENTOR_SLACK_SIGNING_SECRET (Slack) or MENTOR_WECOM_CORP_ID, MENTOR_WECOM_AGENT_ID, MENTOR_WECOM_SECRET, "
        "MENTOR_WECOM_TOKEN and MENTOR_WECOM_AES_KEY (WeCom); queued notices go out once one is set.",
        "尚未配置聊天渠道，提醒已排队等待发送。请设置 MENTOR_SLACK_BOT_TOKEN 和 MENTOR_SLACK_SIGNING_SECRET（Slack），"
        "或 MENTOR_WECOM_CORP_ID、MENTOR_WECOM_AGENT_ID、MENTOR_WECOM_SECRET、MENTOR_WECOM_TOKEN、MENTOR_WECOM_AES_KEY"
        "（企业微信）；配置后排队的提醒会自动发出。")
