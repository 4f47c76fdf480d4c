"""Events API envelope -> the job to queue (pure): one decision shared by the HTTP ack path and bolt's listeners."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from adapters.slack import translate
from adapters.slack.responder import HOME_JOB, REPLY_JOB
from adapters.turn_guard import QUEUE_TEXT_CHARS, clip_for_queue


@dataclass(frozen=True)
class EventJob:
    """Queue `job` with `payload` under the claim `key`; when `thread` is set, only if that thread was seen before."""

    key: str
    job: str
    payload: dict[str, Any]
    thread: str | None = None


def reply_job(key: str, inbound: translate.SlackInbound | None, thread: str | None = None) -> EventJob | None:
    """A reply job for one inbound message; text past any cap is clipped (the turn guard refuses it in its language)."""
    if inbound is None or not key:
        return None
    if len(inbound.text) > QUEUE_TEXT_CHARS:
        inbound = replace(inbound, text=clip_for_queue(inbound.text))
    return EventJob(key, REPLY_JOB, inbound.to_payload(), thread)


def event_job(body: dict[str, Any], bot_user_id: str | None) -> EventJob | None:
    """What an `event_callback` asks of the worker; None for events Mentor does not answer (its own, edits, others)."""
    event = body.get("event") or {}
    event_id = body.get("event_id", "")
    kind = event.get("type")
    if bot_user_id and event.get("user") == bot_user_id:  # bolt's IgnoringSelfEvents
        return None
    if kind == "app_mention":
        return reply_job(event_id, translate.from_mention(event, event_id))
    if kind == "message":
        inbound = translate.from_message(event, event_id, bot_user_id)
        thread = translate.thread_key(inbound.channel, inbound.thread_ts) if inbound and inbound.shared else None
        return reply_job(event_id, inbound, thread)
    if kind == "app_home_opened" and event_id and event.get("user") and event.get("tab", "home") == "home":
        return EventJob(event_id, HOME_JOB, {"user": event["user"]})
    return None
