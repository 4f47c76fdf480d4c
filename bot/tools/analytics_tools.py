"""HR analytics in chat: completion by department / course / period, satisfaction, course health, Kirkpatrick."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from bot.messages import Attachment
from bot.present.analytics import lowest_rated, render_completion, render_health, render_satisfaction, row_label
from bot.present.kpi import render_kpi
from bot.tools.common import given
from bot.tools.context import TurnContext
from bot.tools.hr_refusal import HRRefusal
from bot.tools.period_args import PeriodArgs
from bot.tools.registry import HR_ONLY, MANAGERS_AND_HR, Tool
from bot.tools.result import ToolResult
from bot.tools.trend_tools import completion_matrix, completion_trend


class ReportArgs(BaseModel):
    """completion_report arguments."""

    by: Literal["department", "course", "month", "quarter"] = Field(
        "department", description="Rows per department or course, or per month or quarter (a trend over time).")
    period: str | None = Field(None, description='"2026Q3" or "2026"; omit for the current quarter.')
    points: int | None = Field(None, ge=1, le=36, description="For a trend: how many months or quarters back, ending "
                                                               "now (6 for the last six months); omit for the default.")
    step: Literal["month", "quarter"] | None = Field(
        None, description="With by department or course: one column per month or quarter (each row's trend).")
    department: str | None = Field(None, description="Department id to focus on, e.g. sales.")
    course: str | None = Field(None, description="Course code to focus on.")


class CourseArgs(BaseModel):
    """Arguments naming an optional course and period."""

    course: str | None = Field(None, description="Course code; omit for every course.")
    period: str | None = Field(None, description='"2026Q3" or "2026"; omit for the current quarter.')


def completion_report(deps, ctx: TurnContext, args: ReportArgs) -> ToolResult:
    """A completion table (and a chart when there is more than one row), scoped to what the caller may see; by month
    or quarter it is the trend over time."""
    if args.by in ("month", "quarter"):
        return completion_trend(deps, ctx, args)
    if args.step and (args.department or args.course):  # "just sales" after the per-department table: sales's trend
        return completion_trend(deps, ctx, args.model_copy(update={"by": args.step, "step": None}))
    if args.step:
        return completion_matrix(deps, ctx, args)
    logged = given(by=args.by, period=args.period, department=args.department, course=args.course)
    subject = given(department=args.department, course=args.course)
    with HRRefusal("completion_report", logged, ctx, subject | given(period=args.period)) as refusal:
        if args.department:
            deps.hr.department_member_ids(ctx.caller, args.department)  # the department's figures need that right
        report = deps.hr.completion_report(ctx.caller, args.by, args.period)
    if refusal.result:
        return refusal.result
    subject["period"] = report.period
    if report.scope.startswith("self:"):  # the HR service lets an employee see only their own rows: say so plainly
        return ToolResult("completion_report", logged, False, ctx.say(
            "各部门和各课程的完成率报表只对经理、HR 和培训专员开放。想看自己的情况可以说“我的学习进度”。",
            "Completion reports across departments and courses are for managers, HR and training specialists. "
            "Ask \"my progress\" to see your own."), private=True, act="refused", subject=subject, error="forbidden")
    rows = report.rows
    key = args.department if args.by == "department" else args.course
    if key:
        rows = [r for r in rows if r.key == key]
    if args.by == "course":
        rows = sorted(rows, key=lambda r: (r.completion.value_or(2.0), r.key))
    scope_kind = report.scope.split(":", 1)[0]
    scope_note = {
        "self": ctx.say("范围：仅你本人的课程（查看他人需要经理或 HR 权限）。",
                        "Scope: only your own courses (others' need manager or HR access)."),
        "team": ctx.say("范围：你的团队（含下级团队）。", "Scope: your team, including sub-teams."),
    }.get(scope_kind, ctx.say("范围：全公司。", "Scope: the whole company."))
    only = rows[0] if key and len(rows) == 1 else None
    if only is not None:
        name = row_label(only, args.by, deps.names, ctx.language)
        scope_note = ctx.say(f"范围：{name}。", f"Scope: {name}.")
    text = render_completion(report, rows, deps.names, ctx.language, scope_note, only)
    attachments = []
    if len(report.rows) > 1:  # the whole report's chart: one row is read against the others and the policy floor
        attachments.append(Attachment("completion.png", deps.hr.completion_chart(report, ctx.language),
                                      title=ctx.say("完成率图表", "Completion chart")))
    return ToolResult("completion_report", logged, True, text, attachments=attachments,
                      private=scope_kind == "self", act="completion_report", subject=subject)


def course_satisfaction(deps, ctx: TurnContext, args: CourseArgs) -> ToolResult:
    """Survey ratings per course (Kirkpatrick level 1), best first (HR and training specialists)."""
    logged = given(course=args.course, period=args.period)
    period = deps.hr.period(args.period).name
    subject = given(course=args.course) | {"period": period}
    with HRRefusal("course_satisfaction", logged, ctx, subject) as refusal:
        rows = deps.hr.course_satisfaction(ctx.caller, args.period, args.course)
    if refusal.result:
        return refusal.result
    lowest = lowest_rated(rows)  # "kirkpatrick for that course": the lowest rated, named in the reply
    return ToolResult("course_satisfaction", logged, True, render_satisfaction(rows, deps.names, ctx.language, period),
                      private=False, act="satisfaction", subject=subject, focus={"course": lowest} if lowest else {})


def course_health(deps, ctx: TurnContext, args: PeriodArgs) -> ToolResult:
    """Courses to redesign (low completion two quarters running) and to promote (rated highly), with the figures."""
    logged = given(period=args.period)
    period = deps.hr.period(args.period).name
    with HRRefusal("course_health", logged, ctx, {"period": period}) as refusal:
        rows = deps.hr.course_health(ctx.caller, args.period)
    if refusal.result:
        return refusal.result
    return ToolResult("course_health", logged, True, render_health(rows, deps.names, ctx.language, period),
                      private=False, act="course_health", subject={"period": period})


def kirkpatrick(deps, ctx: TurnContext, args: CourseArgs) -> ToolResult:
    """Kirkpatrick levels 1-4 for one course (or all): reaction, learning, behaviour and results, against targets."""
    logged = given(course=args.course, period=args.period)
    subject = given(course=args.course)
    with HRRefusal("kirkpatrick", logged, ctx, subject | given(period=args.period)) as refusal:
        explanation = deps.hr.kirkpatrick(ctx.caller, args.period, args.course)
    if refusal.result:
        return refusal.result
    name = deps.names.course(args.course, ctx.language) if args.course else ctx.say("全部课程", "all courses")
    subject["period"] = explanation.period
    return ToolResult("kirkpatrick", logged, True, render_kpi(explanation, ctx.language, name), private=False,
                      act="kirkpatrick", subject=subject)


TOOLS = [
    Tool("completion_report", ReportArgs, completion_report, "培训完成率报表（按部门或课程，或按月、按季度看趋势，附图表）",
         "Training completion report (table and chart) by department or course for a period, or by month or quarter "
         "as a trend over time.",
         act="completion_report", follow_up=True, figures=True, private=False,
         slots=("by", "step", "period", "points", "department", "course"),
         roles=MANAGERS_AND_HR,
         examples=(("销售部本季度培训完成率是多少？", "Completion rate of the sales department this quarter?"),
                   ("哪些课程完成率最低？", "Which courses have the lowest completion this year?"),
                   ("近半年每个月的培训完成率趋势", "How has training completion changed month by month?"))),
    Tool("course_satisfaction", CourseArgs, course_satisfaction, "课程满意度（学员评分）",
         "Course satisfaction: learners' 1-5 ratings per course (Kirkpatrick level 1).", act="satisfaction",
         follow_up=True, figures=True, private=False, slots=("course", "period"), roles=HR_ONLY,
         examples=(("各课程的满意度怎么样？", "How satisfied are learners with each course?"),)),
    Tool("course_health", PeriodArgs, course_health, "课程健康度：哪些课要重新设计、哪些值得推广",
         "Course health: which courses need a redesign and which to promote.", act="course_health",
         follow_up=True, figures=True, private=False, slots=("period",), roles=HR_ONLY,
         examples=(("哪些课程需要重新设计？", "Which courses should we redesign?"),)),
    Tool("kirkpatrick", CourseArgs, kirkpatrick, "柯氏四级评估（反应、学习、行为、结果）",
         "Kirkpatrick levels 1-4 (reaction, learning, behaviour, results) for a course or all courses.",
         act="kirkpatrick", inherits_course=True, follow_up=True, figures=True, private=False,
         slots=("course", "period"), roles=HR_ONLY,
         examples=(("信息安全基础的柯氏四级评估", "Kirkpatrick results for SEC-101"),)),
]
