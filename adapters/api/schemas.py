"""JSON shapes of the API (OpenAPI at /docs is generated from these)."""

from __future__ import annotations

import base64
import json
from typing import Any

from pydantic import BaseModel, Field, field_validator

from bot.messages import BotReply

MAX_TEXT_CHARS = 20_000  # hard bound of the JSON shape; the per-turn cap (MENTOR_API_MAX_MESSAGE_CHARS) is lower
MAX_ACTION_CHARS = 2_000  # a button value: Slack's own cap, so no channel stores more
MAX_ACTION_DEPTH = 4


def clean_text(value: str, field: str) -> str:
    """Refuse text that cannot be stored or sent as UTF-8 (a lone surrogate such as \\ud800 from JSON)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{field} contains an invalid character (a lone UTF-16 surrogate); send valid text") from None
    return value


def check_action(value: Any, depth: int = 0) -> None:
    """A button value is a small, shallow JSON object of valid text (never a way to store megabytes)."""
    if depth > MAX_ACTION_DEPTH:
        raise ValueError(f"action is nested more than {MAX_ACTION_DEPTH} levels deep")
    if isinstance(value, str):
        clean_text(value, "action")
    elif isinstance(value, dict):
        for key, item in value.items():
            clean_text(str(key), "action")
            check_action(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            check_action(item, depth + 1)


class ChatIn(BaseModel):
    """A question or a button press; the asker is the token's owner, never a field here."""

    text: str = Field("", max_length=MAX_TEXT_CHARS, description="The question, in Chinese or English "
                      "(longer than MENTOR_API_MAX_MESSAGE_CHARS, 2,000 by default, is refused with a clear message).")
    thread_id: str = Field("web", max_length=100, description="Conversation thread; history is kept per thread.")
    action: dict[str, Any] | None = Field(None, description="A pressed button's value (quiz answer, confirm, cancel); "
                                          f"at most {MAX_ACTION_CHARS:,} characters as JSON.")

    @field_validator("text", "thread_id")
    @classmethod
    def _valid_text(cls, value: str, info) -> str:
        """No lone surrogates (they would fail later, when stored or sent)."""
        return clean_text(value, info.field_name)

    @field_validator("action")
    @classmethod
    def _small_action(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        """Button values are small: a forged 5 MB value must not reach the conversation history."""
        if value is None:
            return None
        check_action(value)
        if len(json.dumps(value, ensure_ascii=False)) > MAX_ACTION_CHARS:
            raise ValueError(f"action is larger than {MAX_ACTION_CHARS:,} characters; send the button's value as given")
        return value


class CitationOut(BaseModel):
    """A numbered source with the passage text, so a page can link [n] to the passage."""

    n: int
    source: str
    title: str
    heading: str
    chunk_id: str
    text: str
    page: int | None = None


class ActionOut(BaseModel):
    """A button to show; send its `value` back as ChatIn.action when pressed."""

    label: str
    kind: str
    value: dict[str, Any]
    style: str


class AttachmentOut(BaseModel):
    """A file (a chart) as a data URL."""

    filename: str
    mime_type: str
    title: str
    data_url: str


class ReplyOut(BaseModel):
    """One answer."""

    text: str
    citations: list[CitationOut]
    actions: list[ActionOut]
    attachments: list[AttachmentOut]
    private: bool
    abstained: bool
    mode: str
    notice: str | None
    message_ref: str


class FeedbackIn(BaseModel):
    """Helpful / not helpful on one answer."""

    message_ref: str = Field(..., max_length=200)
    helpful: bool

    @field_validator("message_ref")
    @classmethod
    def _valid_ref(cls, value: str) -> str:
        """No lone surrogates."""
        return clean_text(value, "message_ref")


class TokenOut(BaseModel):
    """Who the token belongs to."""

    employee_id: str


def reply_out(reply: BotReply, message_ref: str) -> ReplyOut:
    """BotReply -> API JSON (attachments inline as base64 data URLs)."""
    return ReplyOut(
        text=reply.text, private=reply.private, abstained=reply.abstained, mode=reply.mode, notice=reply.notice,
        message_ref=message_ref,
        citations=[CitationOut(n=c.n, source=c.source, title=c.title, heading=c.heading, chunk_id=c.chunk_id,
                               text=c.text, page=c.page) for c in reply.citations],
        actions=[ActionOut(label=a.label, kind=a.kind, value={"kind": a.kind, **a.value}, style=a.style)
                 for a in reply.actions],
        attachments=[AttachmentOut(filename=a.filename, mime_type=a.mime_type, title=a.title or a.filename,
                                   data_url=f"data:{a.mime_type};base64,{base64.b64encode(a.content).decode()}")
                     for a in reply.attachments])
