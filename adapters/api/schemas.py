"""JSON shapes of the API (OpenAPI at /docs is generated from these)."""

from __future__ import annotations

import base64
from typing import Any

from pydantic import BaseModel, Field

from bot.messages import BotReply


class ChatIn(BaseModel):
    """A question or a button press; the asker is the token's owner, never a field here."""

    text: str = Field("", max_length=8000, description="The question, in Chinese or English.")
    thread_id: str = Field("web", max_length=100, description="Conversation thread; history is kept per thread.")
    action: dict[str, Any] | None = Field(None, description="A pressed button's value (quiz answer, confirm, cancel).")


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
