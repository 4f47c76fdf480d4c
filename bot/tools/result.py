"""What one tool call produced: text for the person (and the model), plus citations, files and buttons."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.messages import Action, Attachment, Citation


@dataclass
class ToolResult:
    """The outcome of one tool call; `ok` is False for refusals and failures, whose text says why."""

    name: str
    args: dict[str, Any]
    ok: bool
    text: str
    private: bool = False
    citations: list[Citation] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    abstained: bool = False
    pending: dict[str, Any] | None = None  # a change waiting for the person's confirmation: {"op": tool name, ...}
    act: str = ""  # what the mentor did (answer, enroll_preview, refused, ...): the reply's and the eval's label
    subject: dict[str, str] = field(default_factory=dict)  # who/what it was about: employee, team, department,
    # course, period
    error: str | None = None  # the HR refusal code (forbidden, not_found, invalid, conflict) when ok is False
    answered: str = ""  # search_knowledge: the sentence that answered (the next follow-up does not lead with it)
    focus: dict[str, str] = field(default_factory=dict)  # what a follow-up's "it" / "him" most likely means when
    # that differs from the subject (the one overdue course listed, the prerequisite named in a refusal)
    listed: tuple[str, ...] = ()  # course codes the reply lists in order, so "the second one" / "第一门" can name one
