"""The HR tools: each calls one HRService method as the bound caller, so access is decided by the service."""

from __future__ import annotations

from bot.messages import Action, Attachment
from bot.tools.context import TurnContext
from bot.tools.result import ToolResult


def _confirm_actions(ctx: TurnContext, pending: dict) -> list[Action]:
    """Confirm and cancel buttons carrying the change to make."""
    return [Action(ctx.say("确认", "Confirm"), "confirm", pending, "primary"),
            Action(ctx.say("取消", "Cancel"), "cancel", {"op": pending["op"]}, "default")]


def enroll(deps, ctx: TurnContext, course: str) -> ToolResult:
    """Preview an enrollment of the caller; nothing changes until the person confirms."""
    code = course.strip().upper()
    title = deps.course_title(code, ctx.language)
    if title is None:
        return ToolResult("enroll", {"course": code}, False,
                          ctx.say(f"找不到课程“{course}”。可以说“推荐课程”看看有哪些课。",
                                  f"I can't find a course called \"{course}\". Ask me to recommend courses to see some."))
    pending = {"op": "enroll", "course": code}
    text = ctx.say(f"我将为你报名 **{code} {title}**。确认吗？（回复“确认”或“取消”）",
                   f"I'll enroll you in **{code} {title}**. Shall I go ahead? (reply \"confirm\" or \"cancel\")")
    return ToolResult("enroll", {"course": code}, True, text, actions=_confirm_actions(ctx, pending), pending=pending)


def confirm_enroll(deps, ctx: TurnContext, course: str) -> ToolResult:
    """Make the confirmed enrollment through the HR service (idempotent there)."""
    result = deps.hr.enroll(ctx.caller, course)
    due = result.enrollment.due_on
    if result.created:
        text = ctx.say(f"已为你报名 {course}，截止日期 {due}。加油！", f"You're enrolled in {course}, due {due}. Good luck!")
    else:
        text = ctx.say(f"你已经报名了 {course}（截止 {due}），无需重复报名。",
                       f"You were already enrolled in {course} (due {due}); nothing changed.")
    return ToolResult("enroll", {"course": course, "confirmed": True}, True, text, private=True)


def my_progress(deps, ctx: TurnContext, period: str | None = None, employee: str | None = None) -> ToolResult:
    """The caller's progress, or a named person's when the caller may see it."""
    if employee and employee.upper() != ctx.employee_id.upper():
        progress = deps.hr.employee_progress(ctx.caller, employee.upper(), period)
    else:
        progress = deps.hr.my_progress(ctx.caller, period)
    return ToolResult("my_progress", _args(period=period, employee=employee), True, progress.to_text(ctx.language),
                      private=True)


def team_progress(deps, ctx: TurnContext, period: str | None = None) -> ToolResult:
    """The caller's team (their whole subtree)."""
    team = deps.hr.team_progress(ctx.caller, period)
    if not team.members:
        return ToolResult("team_progress", _args(period=period), True,
                          ctx.say("你名下没有团队成员；团队进度是给经理看的。想看自己的进度可以说“我的学习进度”。",
                                  "You have no team members; team progress is for managers. Ask \"my progress\" for yours."),
                          private=True)
    return ToolResult("team_progress", _args(period=period), True, team.to_text(ctx.language), private=True)


def explain_kpi(deps, ctx: TurnContext, period: str | None = None, employee: str | None = None,
                department: str | None = None) -> ToolResult:
    """A person's or a department's KPI with its working (formula, inputs, thresholds, policy clause, what-ifs)."""
    if department and not employee:
        explanation = deps.hr.department_kpi(ctx.caller, department, period)
    else:
        explanation = deps.hr.explain_employee_kpi(ctx.caller, employee.upper() if employee else None, period)
    return ToolResult("explain_kpi", _args(period=period, employee=employee, department=department), True,
                      explanation.to_text(ctx.language), private=True)


def recommend_courses(deps, ctx: TurnContext) -> ToolResult:
    """Required-but-missing first, then skill gaps, then the learner's preferred format."""
    picks = deps.hr.recommend_courses(ctx.caller)
    if not picks:
        return ToolResult("recommend_courses", {}, True,
                          ctx.say("目前没有需要推荐的课程，你的必修课都安排好了。👍",
                                  "Nothing to recommend right now: your required courses are all on track. 👍"))
    lines = [ctx.say("推荐给你的课程：", "Courses I recommend for you:")]
    for pick in picks:
        reason = pick.reason_zh if ctx.language == "zh" else pick.reason_en
        lines.append(f"- **{pick.course_code} {pick.title}**: {reason}")
    lines.append(ctx.say("想报名的话，说“帮我报名 + 课程名”。", "To enroll, say \"enroll me in <course>\"."))
    return ToolResult("recommend_courses", {}, True, "\n".join(lines), private=True)


def completion_report(deps, ctx: TurnContext, by: str = "department", period: str | None = None,
                      department: str | None = None, course: str | None = None) -> ToolResult:
    """A completion table and chart from the report service, with the definition of the number."""
    report = deps.hr.completion_report(ctx.caller, by, period)
    rows = report.rows
    key = department if by == "department" else course
    if key:
        rows = [r for r in rows if r.key == key] or rows
    if by == "course":
        rows = sorted(rows, key=lambda r: (r.completion.value_or(2.0), r.key))
    zh = ctx.language == "zh"
    head = (f"{report.period} 培训完成率（按{'部门' if by == 'department' else '课程'}），合计 {report.total.percent()}"
            if zh else f"{report.period} training completion by {by}: total {report.total.percent()}")
    table = ["| " + ctx.say("名称", "Name") + " | " + ctx.say("完成率", "Completion") + " | "
             + ctx.say("完成/应完成", "Done/Due") + " |", "|---|---|---|"]
    for r in rows:
        shown = "n/a" if r.completion.value is None else f"{r.completion.value * 100:.1f}%"
        table.append(f"| {r.label} ({r.key}) | {shown} | {r.completion.numerator}/{r.completion.denominator} |")
    definition = ctx.say("口径：完成率 = 本期到期且已完成的报名数 ÷ 本期到期的报名数。",
                         "Definition: completion = enrollments due in the period and completed ÷ enrollments due in "
                         "the period.")
    scope_note = {
        "self": ctx.say("范围：仅你本人的课程（查看他人需要经理或 HR 权限）。",
                        "Scope: only your own courses (others' need manager or HR access)."),
        "team": ctx.say("范围：你的团队（含下级团队）。", "Scope: your team, including sub-teams."),
    }.get(report.scope.split(":", 1)[0], ctx.say("范围：全公司。", "Scope: the whole company."))
    text = "\n".join([head, "", *table, "", definition, scope_note])
    chart = Attachment("completion.png", deps.hr.completion_chart(report, ctx.language),
                       title=ctx.say("完成率图表", "Completion chart"))
    scope_private = report.scope.startswith("self:")
    return ToolResult("completion_report", _args(by=by, period=period, department=department, course=course), True,
                      text, attachments=[chart], private=scope_private)


def nudge_team(deps, ctx: TurnContext, course: str | None = None) -> ToolResult:
    """Preview who on the caller's team is behind and the message they would get; sending needs confirmation."""
    plan = deps.hr.preview_team_nudges(ctx.caller)
    targets = [i.employee_id for i in plan.items if not i.skip_reason and (not course or course in i.courses)]
    text = plan.to_text(ctx.language)
    if not targets:
        return ToolResult("nudge_team", _args(course=course), True,
                          text + "\n" + ctx.say("没有需要提醒的人。", "Nobody needs a nudge right now."), private=True)
    pending = {"op": "nudge", "employee_ids": targets}
    text += "\n" + ctx.say(f"确认向这 {len(targets)} 人发送提醒吗？", f"Send the nudge to these {len(targets)} people?")
    return ToolResult("nudge_team", _args(course=course), True, text, private=True,
                      actions=_confirm_actions(ctx, pending), pending=pending)


def confirm_nudge(deps, ctx: TurnContext, employee_ids: list[str]) -> ToolResult:
    """Send the confirmed nudges through the HR service (which applies the daily limit and quiet hours)."""
    outcome = deps.hr.send_team_nudges(ctx.caller, employee_ids)
    text = ctx.say(f"已提醒 {len(outcome.sent)} 人。", f"Nudged {len(outcome.sent)} people.")
    if outcome.skipped:
        skipped = ", ".join(f"{who} ({why})" for who, why in outcome.skipped.items())
        text += ctx.say(f" 跳过：{skipped}", f" Skipped: {skipped}")
    return ToolResult("nudge_team", {"confirmed": True, "count": len(employee_ids)}, True, text, private=True)


def _args(**values) -> dict:
    """Only the arguments that were given, for the tool log."""
    return {k: v for k, v in values.items() if v not in (None, "")}
