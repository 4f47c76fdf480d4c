"""Course surveys in chat (Kirkpatrick level 1): the `rate_course` tool asks for a 1-5 rating and an optional comment
(or stores one given in the same message); the reply is read by bot.surveys.reply."""

from __future__ import annotations

from pydantic import BaseModel, Field

from bot.surveys.record import NAME, prompt, record
from bot.surveys.reply import answer_pending
from bot.tools.common import clarify, given
from bot.tools.context import TurnContext
from bot.tools.registry import Tool
from bot.tools.result import ToolResult


class RateArgs(BaseModel):
    """rate_course arguments: the course, and the rating and comment when the message already gives them."""

    course: str | None = Field(None, description="Course code to rate, e.g. SEC-101; omit to rate the one just finished.")
    rating: int | None = Field(None, description="1 (poor) to 5 (excellent), only if the person gave one.")
    comment: str | None = Field(None, description="The person's comment, only if they wrote one.")


def rate_course(deps, ctx: TurnContext, args: RateArgs) -> ToolResult:
    """Record a rating given in the message, or ask for one and wait for the reply (a pending survey in the thread)."""
    logged = given(course=args.course, rating=args.rating, comment=args.comment)
    course = (args.course or "").upper() or _only_candidate(deps, ctx)
    if not course:
        return _which_course(deps, ctx, logged)
    if not deps.names.knows_course(course):
        return clarify(NAME, logged, f"没有找到课程 {course}，请告诉我课程代码，例如 SEC-101。",
                       f"I couldn't find the course {course}; please give its code, e.g. SEC-101.", ctx)
    if args.rating is not None:
        return record(deps, ctx, course, args.rating, args.comment or "", logged)
    return prompt(deps, ctx, course, logged)


def _only_candidate(deps, ctx: TurnContext) -> str:
    """The course meant when none is named: the newest open survey, else the only completed course."""
    invitations = deps.hr.open_survey_invitations(ctx.caller)
    if invitations:
        return invitations[0]
    completed = [o.course.code for o in deps.hr.offerings(ctx.caller) if o.status == "completed"]
    return completed[0] if len(completed) == 1 else ""


def _which_course(deps, ctx: TurnContext, logged: dict) -> ToolResult:
    """Ask which course, listing the ones the person completed."""
    done = [o.course.code for o in deps.hr.offerings(ctx.caller) if o.status == "completed"]
    listed = "、".join(deps.names.course(c, "zh") for c in done)
    listed_en = ", ".join(deps.names.course(c, "en") for c in done)
    if not done:
        return clarify(NAME, logged, "你想评价哪门课程？请告诉我课程名称或代码。",
                       "Which course would you like to rate? Tell me its name or code.", ctx)
    return clarify(NAME, logged, f"你想评价哪门课程？你已完成：{listed}。",
                   f"Which course would you like to rate? You have completed: {listed_en}.", ctx)


TOOLS = [
    Tool(NAME, RateArgs, rate_course, "给学过的课程打分（1-5 分，可附评语）",
         "Rate a course the person took, 1 to 5 with an optional comment (course satisfaction survey).",
         act="survey_prompt", slots=("course",), answer_pending=answer_pending,
         examples=(("我想给信息安全基础打个分", "I'd like to rate the Information Security Basics course"),
                   ("评价一下刚学完的课程", "Rate the course I just finished"),
                   ("数据分析基础学完了，想评价一下", "I finished Data Analysis Basics and want to give feedback"),
                   ("给合规课打个分", "I'd like to rate the compliance course"),
                   ("我要给SEC-101打分", "rate SEC-101"),
                   ("课程满意度调查我来填一下", "I want to fill in the course survey"),
                   ("对提示词工程入门这门课做个评价", "leave a rating for Prompt Engineering Fundamentals"),
                   ("我想给这门课打五星", "give the course I took five stars"),
                   ("顾问式销售技巧上完了，打个分吧", "how do I rate a course I completed?"))),
]
