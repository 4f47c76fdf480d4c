"""KPI with its working: a person's, a department's, or the training specialists'; always in the reader's language."""

from __future__ import annotations

from pydantic import BaseModel, Field

from bot.present.kpi import render_department_table, render_kpi
from bot.tools.common import given
from bot.tools.context import TurnContext
from bot.tools.hr_refusal import HRRefusal
from bot.tools.period_args import PeriodArgs
from bot.tools.registry import HR_ONLY, Tool
from bot.tools.result import ToolResult


class KpiArgs(BaseModel):
    """explain_kpi arguments: a person (default the asker) or a whole department."""

    employee: str | None = Field(None, description="Another person's employee id; omit for the person asking.")
    department: str | None = Field(None, description="Department id for a department's KPI, e.g. sales.")
    every_department: bool = Field(False, description="True for every department's KPI side by side (HR).")
    period: str | None = Field(None, description='"2026Q3" or "2026"; omit for the current quarter.')


def explain_kpi(deps, ctx: TurnContext, args: KpiArgs) -> ToolResult:
    """A person's or a department's KPI: each figure, what it means, the policy clause and what would change it."""
    if args.every_department and not (args.employee or args.department):
        return _every_department(deps, ctx, args)
    logged = given(employee=args.employee, department=args.department, period=args.period)
    department = args.department if args.department and not args.employee else None
    subject = {"department": department} if department else {"employee": (args.employee or ctx.employee_id).upper()}
    with HRRefusal("explain_kpi", logged, ctx, subject | given(period=args.period)) as refusal:
        if department:
            explanation = deps.hr.department_kpi(ctx.caller, department, args.period)
            name = deps.names.department(department, ctx.language)
        else:
            explanation = deps.hr.explain_employee_kpi(ctx.caller, subject["employee"], args.period)
            name = None
    if refusal.result:
        result = refusal.result
        if department and department == ctx.caller.department_id and ctx.caller.role == "manager":
            result.text += ctx.say("你可以查看自己团队的完成情况，比如说“我的团队进度”或“我们团队的KPI”。",
                                   " You can see your own team's figures: say \"my team's progress\" or \"my team's "
                                   "KPI\".")
        return result
    subject["period"] = explanation.period
    return ToolResult("explain_kpi", logged, True, render_kpi(explanation, ctx.language, name), private=True,
                      act="department_kpi" if department else "kpi", subject=subject)


def _every_department(deps, ctx: TurnContext, args: KpiArgs) -> ToolResult:
    """"各部门的KPI": each department the caller may see, in one table (HR: all; a head: their own subtree)."""
    logged = given(every_department=True, period=args.period)
    with HRRefusal("explain_kpi", logged, ctx, given(period=args.period)) as refusal:
        explanations = deps.hr.department_kpis(ctx.caller, args.period)
    if refusal.result:
        return refusal.result
    period = explanations[0].period if explanations else args.period
    return ToolResult("explain_kpi", logged, True, render_department_table(explanations, deps.names, ctx.language),
                      private=True, act="department_kpi", subject=given(period=period))


def specialist_kpis(deps, ctx: TurnContext, args: PeriodArgs) -> ToolResult:
    """The training specialists' KPIs for the company, each against its policy target (HR and specialists)."""
    logged = given(period=args.period)
    with HRRefusal("specialist_kpis", logged, ctx, given(period=args.period)) as refusal:
        explanation = deps.hr.specialist_kpis(ctx.caller, args.period)
    if refusal.result:
        return refusal.result
    return ToolResult("specialist_kpis", logged, True, render_kpi(explanation, ctx.language), private=True,
                      act="specialist_kpi", subject={"period": explanation.period})


TOOLS = [
    Tool("explain_kpi", KpiArgs, explain_kpi, "KPI 及其计算过程（个人或部门）",
         "Training KPI with its working (a person's or a department's): formula, inputs, thresholds, policy, what-ifs.",
         act="kpi", follow_up=True, figures=True, slots=("employee", "department", "period", "every_department"),
         examples=(("我的KPI是多少，为什么？", "What's my KPI and why?"),
                   ("我们部门的KPI怎么样？", "Show me the KPI for my department"))),
    Tool("specialist_kpis", PeriodArgs, specialist_kpis, "培训专员 KPI（计划完成率、及时率、满意度等）",
         "Training-specialist KPIs: plan completion, timeliness, participation, coverage, utilisation, satisfaction.",
         act="specialist_kpi", follow_up=True, figures=True, slots=("period",), roles=HR_ONLY,
         examples=(("本季度培训专员的KPI", "Training specialist KPIs this quarter"),)),
]
