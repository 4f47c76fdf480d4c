"""BotReply -> WeCom message bodies (markdown parts at most 2,048 bytes, template_card buttons), pure."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from adapters.table_text import flatten_tables
from adapters.textsplit import split_utf8
from adapters.wecom.parse import encode_button_key
from bot.messages import Attachment, BotReply

MAX_CONTENT_BYTES = 2048
MAX_BUTTONS_PER_CARD = 6
_STYLE = {"primary": 1, "default": 2, "danger": 3}


@dataclass(frozen=True)
class Outbound:
    """One thing to send: a ready message body, or an image that needs uploading first."""

    body: dict[str, Any] | None = None
    image: Attachment | None = None


def reply_markdown(reply: BotReply) -> str:
    """Answer text (tables as one line per row: WeCom markdown has none), then numbered sources, then any notice
    (WeCom markdown: no links needed to read them)."""
    lines = [flatten_tables(reply.text) if reply.text else "…"]
    if reply.citations:
        lines.append("")
        for c in reply.citations:
            label = f"[{c.n}] {c.title}" + (f" › {c.heading}" if c.heading else "") + (f" (p.{c.page})" if c.page else "")
            lines.append(f"> {label}")
    if reply.notice:
        lines += ["", f"<font color=\"comment\">{reply.notice}</font>"]
    return "\n".join(lines)


def markdown_parts(text: str) -> list[dict[str, Any]]:
    """Markdown messages of at most 2,048 UTF-8 bytes each, split on character boundaries, in order."""
    return [{"msgtype": "markdown", "markdown": {"content": part}} for part in split_utf8(text, MAX_CONTENT_BYTES)
            if part.strip()]


def button_cards(reply: BotReply, ref: str) -> list[dict[str, Any]]:
    """Quiz and confirmation buttons as button_interaction template cards (6 buttons a card)."""
    cards = []
    actions = list(reply.actions)
    for offset in range(0, len(actions), MAX_BUTTONS_PER_CARD):
        chunk = actions[offset:offset + MAX_BUTTONS_PER_CARD]
        task_id = hashlib.sha1(f"{ref}:{offset}".encode()).hexdigest()[:32]
        cards.append({"msgtype": "template_card", "template_card": {
            "card_type": "button_interaction",
            "main_title": {"title": "请选择 Please choose"},
            "task_id": task_id,
            "button_list": [{"text": a.label[:40], "style": _STYLE.get(a.style, 2),
                             "key": encode_button_key({"kind": a.kind, "label": a.label[:40], **a.value})}
                            for a in chunk]}})
    return cards


def render_reply(reply: BotReply, ref: str) -> list[Outbound]:
    """Everything to send for one reply, in order: text parts, charts, then buttons."""
    parts = [Outbound(body=b) for b in markdown_parts(reply_markdown(reply))]
    parts += [Outbound(image=a) for a in reply.attachments]
    parts += [Outbound(body=b) for b in button_cards(reply, ref)]
    return parts
