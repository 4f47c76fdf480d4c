"""Who a turn is for and where it happens: bound into every tool so the model can never choose the caller."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from retrieval.types import Audience


@dataclass(frozen=True)
class TurnContext:
    """The resolved caller (from the channel, never from text), what they may read, and the reply language."""

    caller: object  # hr.caller.Caller
    audience: Audience
    language: str  # "zh" or "en"
    channel: str
    thread_id: str
    today: date
    previous_question: str | None = None  # the person's last question in the thread, for follow-up rewriting
    previous_answer: str = ""  # the sentence that answered it: a follow-up brings the new rule first, not this again

    @property
    def employee_id(self) -> str:
        """The caller's employee id."""
        return self.caller.id

    def say(self, zh: str, en: str) -> str:
        """Pick the wording for the reader's language."""
        return zh if self.language == "zh" else en
