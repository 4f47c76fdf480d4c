"""The WeCom reply job: resolve the member, ask the chat service, send every part in order within the rate cap."""

from __future__ import annotations

import logging
from typing import Any

from adapters.feedback import FeedbackStore
from adapters.messages_i18n import FAILED, THANKS_FEEDBACK, UNKNOWN_PERSON
from adapters.ports import ChatHandler, EmployeeDirectory
from adapters.wecom.client import WeComClient
from adapters.wecom.parse import WeComInbound
from adapters.wecom.ratelimit import MemberRateLimiter
from adapters.wecom.render import Outbound, markdown_parts, render_reply
from bot.messages import IncomingMessage

log = logging.getLogger(__name__)

REPLY_JOB = "wecom.reply"


class WeComResponder:
    """Runs in the worker; the route has already answered WeCom with an empty 200."""

    def __init__(self, client: WeComClient, chat: ChatHandler, directory: EmployeeDirectory,
                 feedback: FeedbackStore, limiter: MemberRateLimiter) -> None:
        """Everything comes from the composition root."""
        self._client = client
        self._chat = chat
        self._directory = directory
        self._feedback = feedback
        self._limiter = limiter

    def run_reply(self, payload: dict[str, Any]) -> None:
        """Job entry: one text message or card button press."""
        inbound = WeComInbound.from_payload(payload)
        employee_id = self._directory.by_wecom_userid(inbound.user)
        if employee_id is None:
            self.send_all(inbound.user, [Outbound(body=b) for b in markdown_parts(UNKNOWN_PERSON)])
            return
        action = inbound.action or {}
        if action.get("kind") == "feedback":
            self._feedback.record(employee_id, "wecom", str(action.get("ref", "")), bool(action.get("helpful")))
            self.send_all(inbound.user, [Outbound(body=b) for b in markdown_parts(THANKS_FEEDBACK)])
            return
        bot_action = {k: v for k, v in action.items() if k != "label"} or None  # label rides along for the card only
        try:
            reply = self._chat.handle(IncomingMessage(employee_id=employee_id, text=inbound.text, channel="wecom",
                                                      thread_id=f"wecom:{inbound.user}",
                                                      message_id=inbound.dedupe_key, shared=False, action=bot_action))
        except Exception:
            log.exception("chat turn failed for wecom message %s", inbound.dedupe_key)
            self.send_all(inbound.user, [Outbound(body=b) for b in markdown_parts(FAILED)])
            return
        parts = render_reply(reply, inbound.dedupe_key)
        self.send_all(inbound.user, parts)
        log.info("wecom reply %s sent in %d part(s)", inbound.dedupe_key, len(parts))
        if inbound.response_code and action.get("kind") in ("quiz_answer", "confirm", "cancel"):
            label = str(action.get("label") or "")
            self._client.update_card_buttons(inbound.user, inbound.response_code, f"已选择 {label}".strip())

    def send_all(self, user: str, parts: list[Outbound]) -> None:
        """Send parts in order to one member, waiting for rate-limit slots (queue, never drop)."""
        with self._limiter.member_lock(user):
            for part in parts:
                waited = self._limiter.acquire(user)
                if waited:
                    log.info("wecom rate cap: waited %.1fs before sending to a member", waited)
                if part.image is not None:
                    media_id = self._client.upload_image(part.image.filename, part.image.content, part.image.mime_type)
                    self._client.send(user, {"msgtype": "image", "image": {"media_id": media_id}})
                else:
                    self._client.send(user, part.body)
