"""The bolt App: verify, ack at once, dedupe on the event id, enqueue the reply job (no answering here)."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.signature import Clock

from adapters.dedupe import DedupeStore
from adapters.messages_i18n import THINKING
from adapters.slack import translate
from adapters.slack.render import ACTION_PREFIX, decode_value
from adapters.slack.responder import HOME_JOB, REPLY_JOB
from adapters.slack.verify import ClockedRequestVerification
from adapters.turn_guard import QUEUE_TEXT_CHARS, clip_for_queue
from adapters.worker.queue import TaskQueue

log = logging.getLogger(__name__)


def make_web_client(bot_token: str, api_url: str) -> WebClient:
    """The Web API client; `MENTOR_SLACK_API_URL` lets tests and proxies point it elsewhere."""
    return WebClient(token=bot_token, base_url=api_url.rstrip("/") + "/", timeout=10)


def build_bolt_app(signing_secret: str, client: WebClient, queue: TaskQueue, dedupe: DedupeStore,
                   clock: Clock | None = None) -> App:
    """Wire listeners; the signature check runs first (before auth.test or url_verification) via before_authorize.

    process_before_response=True on purpose: listeners only claim the event id and enqueue (milliseconds), so the
    2xx goes out only once the event is durably accepted; if that fails Slack gets a 5xx and retries. The answer
    itself is computed by the worker, never on this path.
    """
    app = App(client=client, signing_secret=signing_secret, request_verification_enabled=False,
              before_authorize=ClockedRequestVerification(signing_secret, clock), token_verification_enabled=False,
              process_before_response=True, name="mentor")

    def accept(key: str, inbound: translate.SlackInbound | None) -> None:
        """First sighting of this id -> enqueue; any retry (same id, any replica) -> nothing."""
        if inbound is None or not key:
            log.info("slack payload without a usable event/user id ignored")
            return
        if not dedupe.claim(key):
            log.info("duplicate slack delivery %s ignored", key)
            return
        if len(inbound.text) > QUEUE_TEXT_CHARS:
            inbound = replace(inbound, text=clip_for_queue(inbound.text))  # refused by the turn guard, in its language
        try:
            queue.enqueue(REPLY_JOB, inbound.to_payload(), job_id=key)
        except Exception:
            dedupe.release(key)  # let Slack's retry try again
            raise

    @app.event("app_mention")
    def on_mention(body: dict[str, Any], event: dict[str, Any]) -> None:
        """@Mentor in a channel: answered in the thread."""
        accept(body.get("event_id", ""), translate.from_mention(event, body.get("event_id", "")))

    @app.event("message")
    def on_message(body: dict[str, Any], event: dict[str, Any], context) -> None:
        """DMs always; channel thread replies only in threads the bot already answered in."""
        inbound = translate.from_message(event, body.get("event_id", ""), context.bot_user_id)
        if inbound and inbound.shared and not dedupe.seen(translate.thread_key(inbound.channel, inbound.thread_ts)):
            return
        accept(body.get("event_id", ""), inbound)

    @app.event("app_home_opened")
    def on_home(body: dict[str, Any], event: dict[str, Any]) -> None:
        """Refresh the Home tab when it is opened (not the Messages tab)."""
        event_id = body.get("event_id")
        if event_id and event.get("user") and event.get("tab", "home") == "home" and dedupe.claim(event_id):
            queue.enqueue(HOME_JOB, {"user": event["user"]}, job_id=event_id)

    @app.command(re.compile(r"^/mentor"))
    def on_command(ack, body: dict[str, Any]) -> None:
        """`/mentor question`: ack with a 'thinking' note, answer privately from the worker."""
        ack(text=THINKING)
        inbound = translate.from_command(body)
        if inbound is not None:
            accept(inbound.message_id, inbound)

    @app.action(re.compile(f"^{ACTION_PREFIX}"))
    def on_button(ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        """Quiz answers, confirmations and feedback: ack, then handle in the worker."""
        ack()
        try:
            value = decode_value(action.get("value", ""))
        except ValueError:
            log.warning("ignored a button with a foreign value: %s", action.get("action_id"))
            return
        inbound = translate.from_block_action(body, action, value)
        if inbound is not None:
            accept(inbound.message_id, inbound)

    return app
