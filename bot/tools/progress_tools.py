"""Progress: one person's courses, or a team's / department's who-is-behind, in the reader's language."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from bot.present.progress import keep, render_person, render_team, subset
from bot.tools.common import given
from bot.tools.context import TurnContext
from bot.tools.hr_refusal import HRRefusal
from bot.tools.registry import MANAGERS_AND_HR, Tool
from bot.tools.result import ToolResult

Only = Literal["overdue", "behind", "open", "completed"]
PersonOnly = Literal["overdue", "behind", "open", "completed", "next"]  # "next": the open course due soonest


class ProgressArgs(BaseModel):
    """my_progress arguments."""

    employee: str | None = Field(None, description="Another person's employee id; omit for the person asking.")
    period: str | None = Field(None, description='"2026Q3" or "2026"; omit for all their courses.')
    only: PersonOnly | None = Field(None, description="Only the overdue / behind / open / completed courses, or the "
                                                       "next one due.")
    course: str | None = Field(None, description="Only this course (code).")


class TeamArgs(BaseModel):
    """team_progress arguments."""

    period: str | None = Field(None, description='"2026Q3" or "2026"; omit for everything open.')
    department: str | None = Field(None, description="Department id for a whole department (HR, department heads).")
    team: str | None = Field(None, description="A manager's employee id for that manager's team (default: the asker's).")
    only: Only | None = Field(None, description="Only people with overdue / behind courses.")
    course: str | None = Field(None, description="Only this course (code).")


def my_progress(deps, ctx: TurnContext, args: ProgressArgs) -> ToolResult:
    """The caller's progress, or a named person's when the HR service lets the caller see it."""
    target = (args.employee or ctx.employee_id).upper()
    logged = given(employee=args.employee, period=args.period, only=args.only, course=args.course)
    subject = {"employee": target} | given(period=args.period, course=args.course)
    with HRRefusal("my_progress", logged, ctx, subject) as refusal:
        progress = deps.hr.employee_progress(ctx.caller, target, args.period)
    if refusal.result:
        return refusal.result
    if args.course:
        progress.courses = [c for c in progress.courses if c.course_code == args.course.upper()]
    # one course: how its official exams went too, or that the person is not enrolled in it
    text = render_person(progress, deps.names, ctx.language, args.only, own=target == ctx.employee_id,
                         exams=bool(args.course), course=args.course and args.course.upper())
    shown = [c.course_code for c in subset(progress.courses, args.only)]
    focus = {"course": shown[0]} if len(shown) == 1 else {}
    return ToolResult("my_progress", logged, True, text, private=True, act="progress", subject=subject, focus=focus,
                      listed=tuple(shown))


def team_progress(deps, ctx: TurnContext, args: TeamArgs) -> ToolResult:
    """A manager's whole team, another manager's team, or a department (through its head), who is behind first."""
    logged = given(period=args.period, department=args.department, team=args.team, only=args.only, course=args.course)
    manager = (args.team or ctx.employee_id).upper()
    subject = ({"department": args.department} if args.department else {"team": manager}) | \
        given(period=args.period, course=args.course)
    with HRRefusal("team_progress", logged, ctx, subject) as refusal:
        if args.department:
            team = deps.hr.department_progress(ctx.caller, args.department, args.period, args.course)
            scope = deps.names.department(args.department, ctx.language)
        else:
            team = deps.hr.team_progress(ctx.caller, args.period, manager_id=manager, course_code=args.course)
            scope = ctx.say("你的团队", "Your team") if manager == ctx.employee_id else _team_of(deps, ctx, manager)
    if refusal.result:
        return refusal.result
    if not team.members and not args.department and not args.team and ctx.caller.sees_everyone \
            and (company := deps.hr.top_department()):  # HR with no reports: "who hasn't done X" is the company
        return team_progress(deps, ctx, args.model_copy(update={"department": company}))
    if not team.members:
        return ToolResult("team_progress", logged, True,
                          ctx.say("你名下没有团队成员；团队进度是给经理看的。想看自己的进度可以说“我的学习进度”。",
                                  "You have no team members; team progress is for managers. Ask \"my progress\" for "
                                  "yours."), private=True, act="team_progress", subject=subject)
    course = deps.names.course(args.course, ctx.language) if args.course else None
    text = render_team(team, deps.names, ctx.language, scope, args.only, course=course)
    flagged = [m.employee_id for m in team.members if any(keep(c, args.only or "behind") for c in m.courses)]
    focus = {"employee": flagged[0]} if len(flagged) == 1 else {}
    return ToolResult("team_progress", logged, True, text, private=True, act="team_progress", subject=subject,
                      focus=focus)


def _team_of(deps, ctx: TurnContext, manager_id: str) -> str:
    """"刘杰（E0002）的团队" / "刘杰 (E0002)'s team"."""
    person = deps.hr.employee_by_id(manager_id)
    name = getattr(person, "name", manager_id)
    return ctx.say(f"{name}（{manager_id}）的团队", f"{name} ({manager_id})'s team")


TOOLS = [
    Tool("my_progress", ProgressArgs, my_progress, "学习进度（自己的，或有权查看的同事的）",
         "Learning progress of the person asking, or of someone they may see.", act="progress",
         follow_up=True, figures=True, slots=("employee", "period", "only", "course"),
         examples=(("我的学习进度", "What's my progress?"), ("我有逾期的课吗？", "Am I overdue on anything?"))),
    Tool("team_progress", TeamArgs, team_progress, "团队或部门的学习进度，谁落后了", "A team's or department's "
         "progress: who is behind or overdue.", act="team_progress",
         follow_up=True, figures=True, slots=("period", "department", "team", "only", "course"),
         roles=MANAGERS_AND_HR, examples=(("我团队谁落后了？", "Who on my team is behind?"),)),
]
