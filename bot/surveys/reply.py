"""Replies to a survey question: in the thread where it was asked (a parked `rate_course`), or in a DM after the
question sent at course completion reached the person there."""

from __future__ import annotations

from bot.surveys.parse import Declined, OutOfRange, Rating, read_survey_reply
from bot.surveys.record import declined, prompt, record
from bot.tools.context import TurnContext
from bot.tools.result import ToolResult


def answer_pending(deps, ctx: TurnContext, pending: dict, text: str) -> ToolResult | None:
    """The reply to a survey question parked in this thread; None when the message is not an answer to it."""
    course = str(pending.get("course", "")).upper()
    reply = read_survey_reply(text)
    if isinstance(reply, Rating):
        return record(deps, ctx, course, reply.value, reply.comment)
    if isinstance(reply, OutOfRange):
        return prompt(deps, ctx, course, {"course": course, "rating": reply.value}, again=True)
    if isinstance(reply, Declined):
        return declined(ctx, course)
    return None


def answer_open_invite(deps, ctx: TurnContext, text: str) -> ToolResult | None:
    """A plain rating (or "skip") typed in a DM after the completion survey was delivered there; None otherwise."""
    reply = read_survey_reply(text)
    if not isinstance(reply, Rating | Declined):
        return None
    invitations = deps.hr.open_survey_invitations(ctx.caller)
    if not invitations:
        return None
    course = invitations[0]  # the newest question is the one being answered
    if isinstance(reply, Declined):
        return declined(ctx, course)
    return record(deps, ctx, course, reply.value, reply.comment)
