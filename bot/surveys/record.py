"""Ask for a course rating and store the answer with HR (which feeds satisfaction and course health): the actions the
survey tool and the survey replies share."""

from __future__ import annotations

from bot.tools.common import given
from bot.tools.context import TurnContext
from bot.tools.hr_refusal import HRRefusal
from bot.tools.result import ToolResult

NAME = "rate_course"
RATEABLE = ("completed", "in_progress", "enrolled", "overdue")  # HR accepts a rating from anyone enrolled


def prompt(deps, ctx: TurnContext, course: str, logged: dict | None = None, again: bool = False) -> ToolResult:
    """Ask for the rating once the HR records show the person took the course; the thread then awaits the reply."""
    status = _status(deps, ctx, course)
    if status not in RATEABLE:
        title = deps.names.course(course, ctx.language)
        return ToolResult(NAME, logged or {"course": course}, False,
                          ctx.say(f"你没有参加过 {title}，所以还不能评价它。", f"You haven't taken {title}, so you can't "
                                  "rate it yet."), private=True, act="refused", subject={"course": course})
    title = deps.names.course(course, ctx.language)
    lead = ctx.say("请给出 1 到 5 之间的整数分。", "Please give a whole number from 1 to 5. ") if again else ""
    text = ctx.say(f"{lead}你觉得 {title} 怎么样？请回复 1-5 分（5 = 非常满意），可以附一句评语，"
                   f"例如“4 讲得清楚，练习少了点”。不想评价就回复“跳过”。",
                   f"{lead}How was {title}? Reply with a rating from 1 to 5 (5 = excellent), optionally with a comment, "
                   f"e.g. \"4 clear, but too few exercises\". Reply \"skip\" if you'd rather not.")
    return ToolResult(NAME, logged or {"course": course}, True, text, private=True, act="survey_prompt",
                      pending={"op": NAME, "course": course}, subject={"course": course})


def record(deps, ctx: TurnContext, course: str, rating: int, comment: str, logged: dict | None = None) -> ToolResult:
    """Store the rating with HR (a second rating of the same course replaces the first) and thank the person."""
    logged = logged or given(course=course, rating=rating, comment=comment)
    if not 1 <= rating <= 5:
        return prompt(deps, ctx, course, logged, again=True)
    with HRRefusal(NAME, logged, ctx, {"course": course}) as refusal:
        deps.hr.submit_survey(ctx.caller, course, rating, comment.strip())
    if refusal.result:
        return refusal.result
    title = deps.names.course(course, ctx.language)
    said = ctx.say(f"，评语：“{comment.strip()}”", f", comment: \"{comment.strip()}\"") if comment.strip() else ""
    text = ctx.say(f"谢谢！已记录你对 {title} 的评分：{rating} 分（满分 5 分）{said}。",
                   f"Thank you! Your rating of {title} is saved: {rating} out of 5{said}.")
    return ToolResult(NAME, logged, True, text, private=True, act="survey_recorded", subject={"course": course})


def declined(ctx: TurnContext, course: str) -> ToolResult:
    """The person would rather not rate: nothing is stored, and they are not asked about this course again."""
    return ToolResult(NAME, {"course": course}, True, ctx.say("好的，不评价也没关系。", "No problem, no rating then."),
                      private=True, act="cancelled", subject={"course": course})


def _status(deps, ctx: TurnContext, course: str) -> str | None:
    """The caller's enrollment status in the course (None when not enrolled)."""
    return next((o.status for o in deps.hr.offerings(ctx.caller) if o.course.code == course), None)
