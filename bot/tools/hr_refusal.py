"""One place for the shape every tool repeats: call the HR service, and turn its refusal into the tool's answer."""

from __future__ import annotations

from bot.tools.common import hr_error, refused
from bot.tools.context import TurnContext
from bot.tools.result import ToolResult


class HRRefusal:
    """`with HRRefusal(...) as refusal:` around HR calls: an HR refusal becomes `refusal.result`, anything else raises."""

    def __init__(self, name: str, logged: dict, ctx: TurnContext, subject: dict | None = None,
                 act: str = "refused") -> None:
        """What the refused result says: the tool, its logged arguments, whom it was about, and its act."""
        self.name, self.logged, self.ctx, self.subject, self.act = name, logged, ctx, subject, act
        self.error: Exception | None = None  # the HR refusal caught, for a tool that words one case its own way
        self.result: ToolResult | None = None  # the refused result to return, None when HR did not refuse

    def __enter__(self) -> HRRefusal:
        """The catcher itself, to read after the block."""
        return self

    def __exit__(self, exc_type, exc, traceback) -> bool:
        """Keep an HR refusal (swallowed, as a result); let everything else through."""
        if not isinstance(exc, Exception) or not hr_error(exc):
            return False
        self.error = exc
        self.result = refused(self.name, self.logged, self.ctx, exc, act=self.act, subject=self.subject)
        return True
