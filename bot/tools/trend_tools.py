"""Analytics over time and over exams: completion by month or quarter (a trend), and exam results per course."""

from __future__ import annotations

from pydantic import BaseModel, Field

from bot.messages import Attachment
from bot.present.trends import render_exam_report, render_matrix, render_trend
from bot.tools.common import given
from bot.tools.context import TurnContext
from bot.tools.hr_refusal import HRRefusal
from bot.tools.registry import MANAGERS_AND_HR, Tool
from bot.tools.result import ToolResult


class ExamResultsArgs(BaseModel):
    """exam_results arguments."""

    period: str | None = Field(None, description='"2026Q3" or "2026"; omit for the current quarter.')
    department: str | None = Field(None, description="Department id to focus on, e.g. rnd.")
    course: str | None = Field(None, description="Course code to show alone, e.g. SEC-101; omit for every course.")


def completion_trend(deps, ctx: TurnContext, args) -> ToolResult:
    """completion_report by month or quarter: completion per step with its change and a line chart."""
    period = None if args.points else args.period  # "the last 3 months" counts back from now, whatever else was said
    logged = given(by=args.by, points=args.points, period=period, department=args.department, course=args.course)
    subject = given(department=args.department, course=args.course, period=period)
    with HRRefusal("completion_report", logged, ctx, subject) as refusal:
        trend = deps.hr.completion_trend(ctx.caller, args.by, period, args.points, args.department, args.course)
    if refusal.result:
        return refusal.result
    attachments = []
    if len(trend.counted()) > 1:
        attachments.append(Attachment("completion_trend.png", deps.hr.trend_chart(trend, ctx.language),
                                      title=ctx.say("完成率趋势图", "Completion trend chart")))
    return ToolResult("completion_report", logged, True, render_trend(trend, deps.names, ctx.language),
                      attachments=attachments, private=False, act="completion_report", subject=subject)


def completion_matrix(deps, ctx: TurnContext, args) -> ToolResult:
    """completion_report by department or course with a step: each row's rate per month or quarter, side by side."""
    period = None if args.points else args.period
    logged = given(by=args.by, step=args.step, points=args.points, period=period)
    subject = given(period=period)
    with HRRefusal("completion_report", logged, ctx, subject) as refusal:
        matrix = deps.hr.completion_matrix(ctx.caller, args.by, args.step, period, args.points)
    if refusal.result:
        return refusal.result
    attachments = []
    if len(matrix.periods) > 1 and matrix.rows:
        attachments.append(Attachment("completion_by_period.png", deps.hr.matrix_chart(
            matrix, ctx.language, _row_namer(deps.names, matrix.by)),
            title=ctx.say("各期完成率图", "Completion per period chart")))
    return ToolResult("completion_report", logged, True, render_matrix(matrix, deps.names, ctx.language),
                      attachments=attachments, private=False, act="completion_report", subject=subject)


def _row_namer(names, by: str):
    """A chart legend names departments and courses as the reply does, in the language the chart can draw."""
    if by == "department":
        return lambda key, language: names.department(key, language)
    return lambda key, language: names.course(key, language)


def exam_results(deps, ctx: TurnContext, args: ExamResultsArgs) -> ToolResult:
    """Official exam results per course, lowest pass rate first (which courses people fail)."""
    logged = given(period=args.period, department=args.department, course=args.course)
    subject = given(department=args.department, course=args.course) | {"period": deps.hr.period(args.period).name}
    with HRRefusal("exam_results", logged, ctx, subject) as refusal:
        report = deps.hr.exam_report(ctx.caller, args.period, args.department, args.course)
    if refusal.result:
        return refusal.result
    focus = {"course": report.rows[0].course_code} if report.rows else {}  # "nudge everyone overdue on it": the weakest
    return ToolResult("exam_results", logged, True, render_exam_report(report, deps.names, ctx.language),
                      private=False, act="exam_results", subject=subject, focus=focus)


TOOLS = [
    Tool("exam_results", ExamResultsArgs, exam_results, "各课程考试结果：通过率、首考通过率、平均分（从低到高）",
         "Exam results per course: pass rate, first-attempt pass rate, mean score (lowest first).",
         act="exam_results", follow_up=True, figures=True, private=False, slots=("period", "department", "course"),
         roles=MANAGERS_AND_HR,
         examples=(("哪些课程的考试通过率最低？", "Which courses have the lowest exam pass rate?"),
                   ("各课程考试成绩怎么样", "How did people do on each course's exam this year?"))),
]
