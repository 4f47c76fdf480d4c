"""Small pieces every tool uses: confirm/cancel buttons, refusals in the reader's language, who a result is about."""

from __future__ import annotations

from bot.messages import Action
from bot.tools.context import TurnContext
from bot.tools.result import ToolResult


def confirm_actions(ctx: TurnContext, pending: dict) -> list[Action]:
    """Confirm and cancel buttons carrying the change to make."""
    return [Action(ctx.say("确认", "Confirm"), "confirm", pending, "primary"),
            Action(ctx.say("取消", "Cancel"), "cancel", {"op": pending["op"]}, "default")]


def hr_error(exc: Exception) -> bool:
    """True for an HR refusal (HRError carries a code and a bilingual message)."""
    return hasattr(exc, "code") and hasattr(exc, "message")


def refused(name: str, args: dict, ctx: TurnContext, exc: Exception, act: str = "refused",
            subject: dict | None = None) -> ToolResult:
    """An HR refusal as a result: its own bilingual message, nothing else about the subject leaked."""
    code = getattr(exc, "code", "error")
    if code == "not_found" and act == "refused":
        act = "clarify"  # an unknown id or code: ask again rather than refuse
    return ToolResult(name, args, False, exc.message(ctx.language), private=True, act=act,
                      subject=dict(subject or {}), error=code)


def given(**values) -> dict:
    """Only the arguments that were given, for the tool log."""
    return {k: v for k, v in values.items() if v not in (None, "", [], ())}


def person_subject(ctx: TurnContext, employee: str | None) -> dict:
    """{"employee": id} for the person a result is about (the caller when none was named)."""
    return {"employee": (employee or ctx.employee_id).upper()}


def clarify(name: str, args: dict, zh: str, en: str, ctx: TurnContext, subject: dict | None = None) -> ToolResult:
    """Ask for what the message leaves open (which course, which person)."""
    return ToolResult(name, args, False, ctx.say(zh, en), act="clarify", subject=dict(subject or {}))
