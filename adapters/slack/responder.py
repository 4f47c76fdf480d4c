"""The Slack reply job: resolve the person, ask the chat service, post the rendered reply where it belongs."""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from adapters.dedupe import DedupeStore
from adapters.feedback import FeedbackStore
from adapters.messages_i18n import EMPTY_QUESTION, FAILED, SENT_IN_DM, THANKS_FEEDBACK, UNKNOWN_PERSON
from adapters.ports import ChatHandler
from adapters.slack.home import chat_home_sections, home_view, hr_home_sections
from adapters.slack.identity import SlackIdentity
from adapters.slack.render import mark_chosen, plain_message, render_messages
from adapters.slack.translate import SlackInbound, thread_key
from bot.messages import BotReply, IncomingMessage

log = logging.getLogger(__name__)

REPLY_JOB = "slack.reply"
HOME_JOB = "slack.home"


class SlackResponder:
    """Runs in the worker (never on the request path): one inbound message -> one or more Slack API calls."""

    def __init__(self, client: WebClient, chat: ChatHandler, identity: SlackIdentity, dedupe: DedupeStore,
                 feedback: FeedbackStore, hr=None) -> None:
        """Everything comes from the composition root; `hr` (optional) feeds the App Home tab directly."""
        self._client = client
        self._chat = chat
        self._identity = identity
        self._dedupe = dedupe
        self._feedback = feedback
        self._hr = hr

    def run_reply(self, payload: dict[str, Any]) -> None:
        """Job entry: answer one message or button press."""
        inbound = SlackInbound.from_payload(payload)
        employee_id = self._identity.resolve(inbound.user)
        if employee_id is None:
            log.info("slack message %s from an unknown user", inbound.message_id)
            self._notice(inbound, UNKNOWN_PERSON)
            return
        action = inbound.action or {}
        if action.get("kind") == "feedback":
            self._feedback.record(employee_id, "slack", str(action.get("ref", "")), bool(action.get("helpful")))
            self._notice(inbound, THANKS_FEEDBACK, ephemeral=True)
            return
        if not inbound.text and not inbound.action:
            self._notice(inbound, EMPTY_QUESTION, ephemeral=True)
            return
        thread = f"{inbound.channel}:{inbound.thread_ts or 'main'}"
        try:
            reply = self._chat.handle(IncomingMessage(employee_id=employee_id, text=inbound.text, channel="slack",
                                                      thread_id=thread, message_id=inbound.message_id,
                                                      shared=inbound.shared, action=inbound.action))
        except Exception:
            log.exception("chat turn failed for slack message %s", inbound.message_id)
            self._notice(inbound, FAILED, ephemeral=True)
            return
        self.deliver(inbound, reply)
        log.info("slack reply %s delivered (private=%s, abstained=%s)", inbound.message_id, reply.private,
                 reply.abstained)
        if inbound.pressed and action.get("kind") in ("quiz_answer", "confirm", "cancel"):
            self._mark_pressed(inbound)

    def _mark_pressed(self, inbound: SlackInbound) -> None:
        """Replace the clicked button row with the choice (a quiz answer or a confirmation counts once)."""
        pressed = inbound.pressed
        blocks = mark_chosen(pressed["blocks"], pressed["action_id"], pressed["label"])
        self._client.chat_update(channel=inbound.channel, ts=pressed["ts"], blocks=blocks,
                                 text=f"✅ {pressed['label']}")

    def run_home(self, payload: dict[str, Any]) -> None:
        """Job entry: publish the App Home tab for one user (only they can see it)."""
        user = payload["user"]
        employee_id = self._identity.resolve(user)
        if employee_id is None:
            view = {"type": "home", "blocks": plain_message(UNKNOWN_PERSON)["blocks"]}
        elif self._hr is not None:
            view = home_view(hr_home_sections(self._hr, employee_id, self._language(user)))
        else:
            view = home_view(chat_home_sections(self._chat, employee_id))
        self._client.views_publish(user_id=user, view=view)

    def _language(self, user: str) -> str:
        """'en' for English Slack locales, else 'zh' (users.info with include_locale; zh when unknown)."""
        try:
            locale = (self._client.users_info(user=user, include_locale=True).get("user") or {}).get("locale", "")
        except SlackApiError:
            return "zh"
        return "en" if str(locale).lower().startswith("en") else "zh"

    def deliver(self, inbound: SlackInbound, reply: BotReply) -> None:
        """Personal answers go to the DM (with a private pointer in a channel); others where they were asked."""
        messages = render_messages(reply, inbound.message_id)
        personal_in_public = reply.private and not inbound.ephemeral  # an ephemeral answer is already private
        if inbound.shared and (personal_in_public or (inbound.ephemeral and reply.attachments)):
            target, thread_ts = self._dm_channel(inbound.user), None
            self._notice(inbound, SENT_IN_DM, ephemeral=True)
        elif inbound.ephemeral:
            for message in messages:
                self._client.chat_postEphemeral(channel=inbound.channel, user=inbound.user, **message)
            return
        else:
            target, thread_ts = inbound.channel, inbound.thread_ts
        for message in messages:
            self._client.chat_postMessage(channel=target, thread_ts=thread_ts, **message)
        if reply.attachments:
            self._client.files_upload_v2(channel=target, thread_ts=thread_ts, file_uploads=[
                {"content": a.content, "filename": a.filename, "title": a.title or a.filename}
                for a in reply.attachments])
        if inbound.shared and inbound.thread_ts and target == inbound.channel:
            self._dedupe.claim(thread_key(inbound.channel, inbound.thread_ts))

    def _dm_channel(self, user: str) -> str:
        """Open (or find) the bot's DM with this user."""
        return self._client.conversations_open(users=user)["channel"]["id"]

    def _notice(self, inbound: SlackInbound, text: str, ephemeral: bool = False) -> None:
        """A short fixed message: ephemeral in shared places, plain in a DM."""
        if inbound.shared or (ephemeral and inbound.ephemeral):
            self._client.chat_postEphemeral(channel=inbound.channel, user=inbound.user, **plain_message(text))
        else:
            self._client.chat_postMessage(channel=inbound.channel, thread_ts=inbound.thread_ts,
                                          **plain_message(text))
