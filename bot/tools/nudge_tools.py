"""Nudges: preview who would be reminded (a team, a named person, a department, or the whole company for HR) and
queue the reminders only after confirmation."""

from __future__ import annotations

from pydantic import BaseModel, Field

from bot.present.analytics import render_nudge_plan
from bot.tools.common import confirm_actions, given
from bot.tools.context import TurnContext
from bot.tools.hr_refusal import HRRefusal
from bot.tools.registry import MANAGERS_AND_HR, Tool
from bot.tools.result import ToolResult
from hr.plural import count

SHOWN = 30  # people listed by name in a preview; a company-wide one says how many more there are


class NudgeArgs(BaseModel):
    """nudge_team arguments: whom to remind (default the asker's whole team) and optionally about which course."""

    employee: str | None = Field(None, description="One person's employee id.")
    department: str | None = Field(None, description="Department id: remind the people in it who are behind (HR).")
    course: str | None = Field(None, description="Only people behind on this course.")


def _company_wide(ctx: TurnContext, args: NudgeArgs) -> bool:
    """HR and training specialists naming no person or department mean everyone; managers mean their own reports."""
    return bool(getattr(ctx.caller, "sees_everyone", False)) and not args.employee and not args.department


def _plan(deps, ctx: TurnContext, args: NudgeArgs):
    """The HR service's preview for the asked-for people (its rules decide who may be reminded by whom)."""
    targets = [args.employee.upper()] if args.employee else None
    if targets:
        deps.hr.employee_progress(ctx.caller, targets[0])  # someone the caller may not see: refused, not "nobody"
    if hasattr(deps.hr, "preview_nudges"):
        return deps.hr.preview_nudges(ctx.caller, employee_ids=targets, department_id=args.department,
                                      company_wide=_company_wide(ctx, args), course_code=_course(args))
    plan = deps.hr.preview_team_nudges(ctx.caller)  # older HR service: the caller's own team only
    if targets:
        plan.items = [i for i in plan.items if i.employee_id in targets]
    return plan


def _course(args: NudgeArgs) -> str | None:
    """The course code the reminder is limited to, if one was named."""
    return args.course.upper() if args.course else None


def _scope_line(deps, ctx: TurnContext, args: NudgeArgs) -> str:
    """Whom the preview covers, said out loud: the whole company, a department, the caller's team (and the course)."""
    if args.employee:
        return ""
    if args.department:
        scope = deps.names.department(args.department, ctx.language)
    elif _company_wide(ctx, args):
        scope = ctx.say("全公司（所有部门）", "company-wide (all departments)")
    else:
        scope = ctx.say("你的团队（直接和间接下属）", "your team (direct and indirect reports)")
    course = ctx.say(f"，只看 {deps.names.course(_course(args), 'zh')}", f", only {deps.names.course(_course(args), 'en')}") \
        if args.course else ""
    return ctx.say(f"范围：{scope}{course}。", f"Scope: {scope}{course}.") + "\n"


def _held_line(ctx: TurnContext, plan) -> str:
    """In quiet hours, the HR service's line on when the reminders go out (an older HR service has none)."""
    line = plan.held_line(ctx.language) if hasattr(plan, "held_line") else ""
    return line + "\n" if line else ""


def nudge_team(deps, ctx: TurnContext, args: NudgeArgs) -> ToolResult:
    """Preview who is behind and would be reminded; nothing is sent until the person confirms."""
    logged = given(employee=args.employee, department=args.department, course=args.course)
    subject = given(employee=args.employee.upper() if args.employee else None, department=args.department,
                    course=_course(args))
    if not args.employee and not args.department and not _company_wide(ctx, args):
        subject["team"] = ctx.employee_id
    with HRRefusal("nudge_team", logged, ctx, subject) as refusal:
        plan = _plan(deps, ctx, args)
    if refusal.result:
        return refusal.result
    items = [i for i in plan.items if not args.course or _course(args) in i.courses]
    targets = [i.employee_id for i in items if not i.skip_reason]
    scope = _scope_line(deps, ctx, args)
    if not targets:
        text = scope + (render_nudge_plan(items, ctx.language, deps.names, limit=SHOWN) + "\n" if items else "") + \
            ctx.say("这个人没有落后的课程需要提醒（或今天已提醒过）。" if args.employee else
                    "这个范围里没有需要提醒的人（没有落后的课程，或今天已提醒过）。",
                    "That person has nothing behind to be reminded about (or was already reminded today)."
                    if args.employee else "Nobody there needs a reminder right now (nothing behind, or already "
                                          "reminded today).")
        return ToolResult("nudge_team", logged, True, text, private=True, act="nudge_preview", subject=subject)
    pending = given(op="nudge_team", employee_ids=targets, course=_course(args))
    text = scope + render_nudge_plan(items, ctx.language, deps.names, limit=SHOWN) + "\n" + \
        _held_line(ctx, plan) + ctx.say(
            ("确认发送这条提醒吗？" if len(targets) == 1 else f"确认向这 {len(targets)} 人发送提醒吗？") + "（回复“确认”或“取消”）",
            f"Send the reminder to {'this person' if len(targets) == 1 else f'these {len(targets)} people'}? (reply \"confirm\" or \"cancel\")")
    return ToolResult("nudge_team", logged, True, text, private=True, actions=confirm_actions(ctx, pending),
                      pending=pending, act="nudge_preview", subject=subject)


def confirm_nudge(deps, ctx: TurnContext, pending: dict) -> ToolResult:
    """Queue the confirmed reminders through the HR service (daily limit, quiet hours and delivery are its rules);
    the reply says what happened: delivered, queued until quiet hours end (with the time), or skipped and why."""
    ids = pending.get("employee_ids")
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):  # never "everyone" by default
        return ToolResult("nudge_team", {"confirmed": True}, False, ctx.say("没有可提醒的人，没有发送任何提醒。",
                                                                           "Nobody to remind; nothing was sent."),
                          act="clarify")
    course = pending.get("course") if isinstance(pending.get("course"), str) else None
    if hasattr(deps.hr, "send_nudges"):
        outcome = deps.hr.send_nudges(ctx.caller, employee_ids=ids, course_code=course)
    else:
        outcome = deps.hr.send_team_nudges(ctx.caller, ids)
    text = outcome.to_text(ctx.language) if hasattr(outcome, "to_text") else _outcome_text(ctx, outcome)
    subject = {"employee": ids[0]} if len(ids) == 1 else {}
    return ToolResult("nudge_team", given(confirmed=True, count=len(ids), course=course), True, text, private=True,
                      act="nudge_done", subject=subject)


def _outcome_text(ctx: TurnContext, outcome) -> str:
    """Who was reminded and who was skipped, in words."""
    from bot.present.words import skip_reason

    text = ctx.say(f"已提醒 {len(outcome.sent)} 人。", f"Reminded {count(len(outcome.sent), 'person')}.")
    if outcome.skipped:
        parts = [f"{who}（{skip_reason(why, 'zh')}）" if ctx.language == "zh" else f"{who} ({skip_reason(why, 'en')})"
                 for who, why in outcome.skipped.items()]
        text += ctx.say(" 跳过：" + "、".join(parts), " Skipped: " + ", ".join(parts))
    return text


TOOLS = [
    Tool("nudge_team", NudgeArgs, nudge_team, "提醒落后的同事完成培训（先预览，确认后发送）",
         "Preview reminding people who are behind (the team, one person, or a department); sent after confirmation.",
         act="nudge_preview", follow_up=True, confirm=confirm_nudge,
         slots=("employee", "department", "course"), roles=MANAGERS_AND_HR,
         examples=(("提醒我的团队完成信息安全基础", "Nudge my team about SEC-101"),)),
]
