"""BotReply -> Slack messages (text + Block Kit), pure and within Block Kit limits."""

from __future__ import annotations

import json
import re
from typing import Any

from adapters.table_text import flatten_tables
from adapters.textsplit import split_chars
from bot.messages import Action, BotReply, Citation

MAX_BLOCKS = 50
MAX_SECTION_CHARS = 3000
MAX_FALLBACK_CHARS = 3000
MAX_BUTTONS_PER_BLOCK = 25
MAX_BUTTON_VALUE = 2000
MAX_BUTTON_LABEL = 75
ACTION_PREFIX = "mentor_"

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
_HEADING = re.compile(r"^#{1,6}\s+(.*)$", re.MULTILINE)


def to_mrkdwn(markdown: str) -> str:
    """Markdown the bot writes -> Slack mrkdwn: **b** -> *b*, [t](u) -> <u|t>, headings -> bold lines, tables ->
    one bullet per row (mrkdwn has no tables)."""
    text = flatten_tables(markdown).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _HEADING.sub(r"**\1**", text)
    text = _BOLD.sub(r"*\1*", text)
    return _LINK.sub(r"<\2|\1>", text)


def section(text: str) -> dict[str, Any]:
    """A mrkdwn section block."""
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def context(text: str) -> dict[str, Any]:
    """A small grey context line."""
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text[:MAX_SECTION_CHARS]}]}


EXCERPT_CHARS = 140


def citation_line(citation: Citation) -> str:
    """`[n] title › heading (p. 3)` plus the start of the cited passage; linked when the source is a web address."""
    label = f"[{citation.n}] {citation.title}"
    if citation.heading:
        label += f" › {citation.heading}"
    if citation.page:
        label += f" (p. {citation.page})"
    label = to_mrkdwn(label)
    if citation.source.startswith(("http://", "https://")):
        label = f"<{citation.source}|{label}>"
    excerpt = " ".join(citation.text.split())
    if excerpt:
        excerpt = excerpt[:EXCERPT_CHARS] + ("…" if len(excerpt) > EXCERPT_CHARS else "")
        label += f"\n> _{to_mrkdwn(excerpt)}_"
    return label


def encode_value(action: Action) -> str:
    """Button value: the action kind plus its value as compact JSON (Slack caps it at 2,000 chars)."""
    value = json.dumps({"kind": action.kind, **action.value}, ensure_ascii=False, separators=(",", ":"))
    if len(value) > MAX_BUTTON_VALUE:
        raise ValueError(f"button value for {action.label!r} is {len(value)} chars; Slack allows {MAX_BUTTON_VALUE}")
    return value


def decode_value(value: str) -> dict[str, Any]:
    """Inverse of encode_value; a button value we did not write raises ValueError."""
    data = json.loads(value)
    if not isinstance(data, dict) or "kind" not in data:
        raise ValueError("not a Mentor button value")
    return data


def button(action: Action, index: int) -> dict[str, Any]:
    """One button; action_id is unique in the message and starts with the kind so bolt can route it."""
    element: dict[str, Any] = {"type": "button", "action_id": f"{ACTION_PREFIX}{action.kind}_{index}",
                               "text": {"type": "plain_text", "text": action.label[:MAX_BUTTON_LABEL], "emoji": True},
                               "value": encode_value(action)}
    if action.style in ("primary", "danger"):
        element["style"] = action.style
    return element


def action_blocks(actions: list[Action], start: int = 0) -> list[dict[str, Any]]:
    """Buttons in rows of at most 25."""
    rows = []
    for offset in range(0, len(actions), MAX_BUTTONS_PER_BLOCK):
        chunk = actions[offset:offset + MAX_BUTTONS_PER_BLOCK]
        rows.append({"type": "actions", "elements": [button(a, start + offset + i) for i, a in enumerate(chunk)]})
    return rows


def feedback_actions(message_ref: str) -> list[Action]:
    """Helpful / not helpful buttons, tied to the answer they judge."""
    return [Action(label="👍 有帮助 Helpful", kind="feedback", value={"ref": message_ref, "helpful": True}),
            Action(label="👎 没帮助 Not helpful", kind="feedback", value={"ref": message_ref, "helpful": False})]


def reply_blocks(reply: BotReply, message_ref: str = "") -> list[dict[str, Any]]:
    """Every block the reply needs, in reading order, before splitting into messages."""
    blocks = [section(part) for part in split_chars(to_mrkdwn(reply.text or "…"), MAX_SECTION_CHARS)]
    if reply.citations:
        lines = "\n".join(citation_line(c) for c in reply.citations)
        blocks += [context(part) for part in split_chars("📚 " + lines, MAX_SECTION_CHARS)]
    if reply.notice:
        blocks.append(context("ℹ️ " + to_mrkdwn(reply.notice)))
    buttons = list(reply.actions)
    if message_ref and not reply.abstained and not any(a.kind in ("confirm", "quiz_answer") for a in buttons):
        buttons += feedback_actions(message_ref)
    blocks += action_blocks(buttons)
    return blocks


def render_messages(reply: BotReply, message_ref: str = "") -> list[dict[str, Any]]:
    """One or more `{text, blocks}` messages, each at most 50 blocks, in order."""
    blocks = reply_blocks(reply, message_ref)
    fallback = split_chars(reply.text or "…", MAX_FALLBACK_CHARS)[0]
    messages = []
    for offset in range(0, len(blocks), MAX_BLOCKS):
        messages.append({"text": fallback if offset == 0 else "…", "blocks": blocks[offset:offset + MAX_BLOCKS]})
    return messages


def plain_message(text: str) -> dict[str, Any]:
    """A short notice (unknown person, 'sent you a DM') as a message."""
    return {"text": text, "blocks": [section(to_mrkdwn(text)[:MAX_SECTION_CHARS])]}


def mark_chosen(blocks: list[dict[str, Any]], action_id: str, label: str) -> list[dict[str, Any]]:
    """The clicked message with its button row replaced by "✅ label", so a quiz cannot be answered twice."""
    marked = []
    for block in blocks:
        if block.get("type") == "actions" and any(e.get("action_id") == action_id for e in block.get("elements", [])):
            marked.append(context(f"✅ 已选择 Chosen: {to_mrkdwn(label)}"))
        else:
            marked.append(block)
    return marked
