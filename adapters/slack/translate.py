"""Slack payload -> a plain SlackInbound (pure functions; no network, no bolt objects)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

MENTION = re.compile(r"<@[A-Z0-9]+>")


@dataclass(frozen=True)
class SlackInbound:
    """What the reply job needs to answer one Slack message, JSON-ready so it can cross Redis."""

    user: str
    channel: str
    text: str
    message_id: str
    thread_ts: str | None = None  # reply in this thread; None for a DM's main timeline
    shared: bool = False  # a channel others can read
    ephemeral: bool = False  # a slash command: answer only to the caller
    action: dict[str, Any] | None = None
    pressed: dict[str, Any] | None = None  # the clicked button: message ts, blocks, action_id, label (to mark it)

    def to_payload(self) -> dict[str, Any]:
        """Serialise for the task queue."""
        return asdict(self)

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> SlackInbound:
        """Rebuild from the task queue."""
        return cls(**payload)


def strip_mentions(text: str) -> str:
    """Drop `<@U123>` mentions and surrounding blanks so the bot sees the question only."""
    return MENTION.sub("", text or "").strip()


def from_mention(event: dict[str, Any], event_id: str) -> SlackInbound | None:
    """An @mention in a channel: answer in the thread the mention started or belongs to (None if incomplete)."""
    if not all(event.get(k) for k in ("user", "channel", "ts")):
        return None
    return SlackInbound(user=event["user"], channel=event["channel"], text=strip_mentions(event.get("text", "")),
                        message_id=event_id, thread_ts=event.get("thread_ts") or event["ts"], shared=True)


def from_message(event: dict[str, Any], event_id: str, bot_user_id: str | None) -> SlackInbound | None:
    """A plain message: a DM, or a channel thread reply; None for edits, bots and messages that mention us."""
    if event.get("subtype") or event.get("bot_id") or not event.get("user") or not event.get("channel"):
        return None
    if bot_user_id and event.get("user") == bot_user_id:
        return None
    text = event.get("text", "")
    if event.get("channel_type") == "im":
        return SlackInbound(user=event["user"], channel=event["channel"], text=strip_mentions(text),
                            message_id=event_id, thread_ts=event.get("thread_ts"), shared=False)
    if event.get("thread_ts") and not (bot_user_id and f"<@{bot_user_id}>" in text):
        return SlackInbound(user=event["user"], channel=event["channel"], text=strip_mentions(text),
                            message_id=event_id, thread_ts=event["thread_ts"], shared=True)
    return None


def from_command(body: dict[str, Any]) -> SlackInbound | None:
    """`/mentor question`: answered privately to the caller, wherever they typed it (None without a user)."""
    if not body.get("user_id"):
        return None
    channel = body.get("channel_id", "")
    return SlackInbound(user=body["user_id"], channel=channel, text=(body.get("text") or "").strip(),
                        message_id=body.get("trigger_id") or f"cmd:{body['user_id']}:{channel}",
                        shared=not channel.startswith("D"), ephemeral=not channel.startswith("D"))


def from_block_action(body: dict[str, Any], action: dict[str, Any],
                      decoded_value: dict[str, Any]) -> SlackInbound | None:
    """A button press becomes a message whose `action` carries the button's kind and value (None without a user)."""
    if not (body.get("user") or {}).get("id"):
        return None
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id", "")
    message = body.get("message") or {}
    ephemeral = bool((body.get("container") or {}).get("is_ephemeral"))  # e.g. a quiz from /mentor: stay private
    in_dm = channel.startswith("D")
    thread_ts = message.get("thread_ts") or (None if in_dm else message.get("ts"))
    pressed = {"ts": message.get("ts"), "blocks": message.get("blocks") or [], "action_id": action["action_id"],
               "label": (action.get("text") or {}).get("text", "")} if message.get("ts") else None
    return SlackInbound(user=body["user"]["id"], channel=channel, text="",
                        message_id=f"action:{action.get('action_ts') or body.get('trigger_id')}:{action['action_id']}",
                        thread_ts=thread_ts, shared=not in_dm, ephemeral=ephemeral and not in_dm,
                        action=decoded_value, pressed=None if ephemeral else pressed)


def thread_key(channel: str, thread_ts: str) -> str:
    """The dedupe-store key that marks a thread the bot answered in (follow-ups need no new mention)."""
    return f"slack-thread:{channel}:{thread_ts}"
