"""What a thread remembers between turns: the last subject, intent and reply kind, a change awaiting confirmation,
the last knowledge question and the language the person writes in."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

SUBJECT_KEYS = ("employee", "team", "department", "course", "period")


@dataclass
class DialogueState:
    """Per (channel, thread, person); plain data so it survives JSON."""

    subject: dict[str, str] = field(default_factory=dict)  # employee, team, department, course, period
    intent: str = ""  # the tool the last turn ran ("" for none)
    act: str = ""  # what the last reply did (progress, enroll_preview, quiz_start, ...)
    args: dict[str, Any] = field(default_factory=dict)  # the arguments that tool ran with (for "those"-follow-ups)
    pending: dict[str, Any] | None = None  # a change awaiting confirmation ({"op": tool, ...}), valid for one turn
    question: str = ""  # the last standalone knowledge question (follow-ups are rewritten against it)
    source: str = ""  # the document the last knowledge answer quoted first ("" when it found nothing)
    answered: str = ""  # the sentence that answered the last knowledge question (a follow-up does not lead with it)
    language: str = ""  # the language the person last wrote in
    listed: list[str] = field(default_factory=list)  # course codes the last reply listed, in order ("第二门" = [1])

    def to_json(self) -> str:
        """JSON for the store."""
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | None) -> DialogueState:
        """Rebuild from the store; unknown keys (from a newer version) are ignored, bad JSON starts fresh."""
        try:
            data = json.loads(text) if text else {}
        except json.JSONDecodeError:
            return cls()
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)
