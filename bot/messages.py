"""What a channel hands the bot and what the bot hands back: the contract between adapters and bot."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal


@dataclass(frozen=True)
class IncomingMessage:
    """One message from one known person, already verified, deduplicated and resolved by the adapter."""

    employee_id: str
    text: str
    channel: Literal["slack", "wecom", "web", "cli", "api"] = "cli"
    thread_id: str = "default"  # history is kept per (channel, thread_id)
    message_id: str | None = None  # platform id, for logs and dedupe
    shared: bool = False  # posted where others can read it (a Slack channel, a group chat)
    action: dict[str, Any] | None = None  # a button press: {"kind": "quiz_answer"|"confirm"|"cancel", ...}


@dataclass(frozen=True)
class Citation:
    """A numbered source the answer relies on."""

    n: int
    source: str
    title: str
    heading: str
    chunk_id: str
    text: str
    page: int | None = None


@dataclass(frozen=True)
class Attachment:
    """A file to show with the reply (a chart PNG)."""

    filename: str
    content: bytes
    mime_type: str = "image/png"
    title: str = ""


@dataclass(frozen=True)
class Action:
    """A button the channel renders; pressing it comes back as IncomingMessage.action."""

    label: str
    kind: Literal["quiz_answer", "confirm", "cancel", "feedback"]
    value: dict[str, Any] = field(default_factory=dict)
    style: Literal["primary", "danger", "default"] = "default"


@dataclass(frozen=True)
class ToolCall:
    """A tool the turn ran, for the `--json` output and audit logs."""

    name: str
    args: dict[str, Any]
    ok: bool


@dataclass
class BotReply:
    """One reply: Markdown text plus everything a channel needs to render it."""

    text: str
    citations: list[Citation] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    private: bool = False  # personal data (progress, scores, KPI): DM or ephemeral only
    abstained: bool = False
    mode: Literal["llm", "offline"] = "offline"
    tools: list[ToolCall] = field(default_factory=list)
    notice: str | None = None  # e.g. "the language model is unavailable; answered offline"
    act: str = ""  # what the mentor did: answer, abstain, help, clarify, progress, enroll_preview, refused, ...
    subject: dict[str, str] = field(default_factory=dict)  # who/what it was about: employee, team, department,
    # course, period
