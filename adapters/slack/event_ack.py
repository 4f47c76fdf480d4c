"""Events API deliveries acked on the server's event loop: claim the event id, queue the job, answer 200.

Why not through bolt: bolt's dispatch is synchronous, so every event took a worker thread and then waited, GIL
against GIL, for the enqueue (0.2-0.5 s each at 50 concurrent events in one process). Commands and button presses
(whose ack carries a body) and url_verification still go through bolt; their work is the same few Redis calls."""

from __future__ import annotations

import logging
from typing import Any

from anyio import Lock, to_thread
from slack_sdk import WebClient

from adapters.intake import Intake
from adapters.slack.events import event_job

log = logging.getLogger(__name__)


class BotUser:
    """The bot's own Slack user id (auth.test once per process, as bolt's authorization does), to ignore itself."""

    def __init__(self, client: WebClient) -> None:
        """Nothing is asked until the first event."""
        self._client = client
        self._id: str | None = None
        self._lock: Lock | None = None

    async def user_id(self) -> str | None:
        """The cached id; the first call asks Slack in a worker thread (the loop keeps serving meanwhile)."""
        if self._id is None:
            self._lock = self._lock or Lock()
            async with self._lock:
                if self._id is None:
                    answer = await to_thread.run_sync(self._client.auth_test)
                    self._id = answer.get("user_id") or ""
        return self._id or None


class EventAck:
    """`event_callback` -> claim + enqueue on the loop; True when it was queued, False when a retry or ignored."""

    def __init__(self, intake: Intake, bot: BotUser) -> None:
        """The channel's intake (Redis on the loop, or the database in one thread hop) and the bot's identity."""
        self._intake = intake
        self._bot = bot

    async def handle(self, body: dict[str, Any]) -> bool:
        """Decide as bolt's listeners would (adapters.slack.events), then accept once per event id."""
        job = event_job(body, await self._bot.user_id())
        if job is None:
            return False
        if job.thread is not None and not await self._intake.seen(job.thread):
            return False  # a channel thread the bot never answered in
        if not await self._intake.accept(job.key, job.job, job.payload):
            log.info("duplicate slack delivery %s ignored", job.key)
            return False
        return True
