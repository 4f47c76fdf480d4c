"""The bolt App: verify, ack at once, dedupe on the event id, enqueue the reply job (no answering here)."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.signature import Clock

from adapters.dedupe import DedupeStore
from adapters.messages_i18n import THINKING
from adapters.slack import translate
from adapters.slack.events import EventJob, event_job, reply_job
from adapters.slack.render import ACTION_PREFIX, decode_value
from adapters.slack.verify import ClockedRequestVerification
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

    def queue_job(job: EventJob | None) -> None:
        """First sighting of this id -> enqueue; any retry (same id, any replica) -> nothing."""
        if job is None:
            return
        if job.thread is not None and not dedupe.seen(job.thread):
            return  # a channel thread the bot never answered in
        if not dedupe.claim(job.key):
            log.info("duplicate slack delivery %s ignored", job.key)
            return
        try:
            queue.enqueue(job.job, job.payload, job_id=job.key)
        except Exception:
            dedupe.release(job.key)  # let Slack's retry try again
            raise

    def accept(key: str, inbound: translate.SlackInbound | None) -> None:
        """A command or button press: queue its reply job."""
        if inbound is None or not key:
            log.info("slack payload without a usable event/user id ignored")
            return
        queue_job(reply_job(key, inbound))

    def on_event(body: dict[str, Any], context) -> None:
        """Socket Mode's events (HTTP events are acked by adapters.slack.event_ack before bolt): the same decision."""
        queue_job(event_job(body, context.bot_user_id))

    for kind in ("app_mention", "message", "app_home_opened"):
        app.event(kind)(on_event)

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
