"""The person's place in the organisation: who their manager is (whom to ask about leave, courses, approvals)."""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from bot.present import words
from bot.tools.context import TurnContext
from bot.tools.registry import Tool
from bot.tools.result import ToolResult

_HAN = re.compile(r"[\u4e00-\u9fff]")


class ManagerArgs(BaseModel):
    """my_manager arguments."""

    employee: str | None = Field(None, description="Whose manager (employee id); omit for the person asking.")


def my_manager(deps, ctx: TurnContext, args: ManagerArgs) -> ToolResult:
    """"我的经理是谁" / "他的经理是谁": a person's direct manager as the HR record has them. Anyone may ask about
    anyone: reporting lines are what a company directory shows every member of staff."""
    whose = args.employee or ctx.employee_id
    logged = {"employee": args.employee} if args.employee else {}
    person = deps.hr.employee_by_id(whose)
    if person is None:
        return ToolResult("my_manager", logged, False, ctx.say(
            f"没有找到员工 {whose}。请检查工号（例如 E0023）或换个写法的姓名。",
            f"There is no employee {whose}. Check the id (e.g. E0023) or spell the name another way."),
            private=True, act="clarify", error="not_found")
    own = whose == ctx.employee_id
    who_zh = "你" if own else f"{person.name}（{person.id}）"
    who_en = "Your" if own else f"{person.name} ({person.id})'s"
    manager_id = getattr(person, "manager_id", None)
    manager = deps.hr.employee_by_id(manager_id) if manager_id else None
    if manager is None:
        return ToolResult("my_manager", logged, True, ctx.say(
            f"人事系统里没有登记{who_zh}的直属经理。如有疑问，请联系人力资源部。",
            f"The HR system has no direct manager on record for {'you' if own else f'{person.name} ({person.id})'}. "
            "Please ask HR if that looks wrong."),
            private=True, act="manager", subject={"employee": whose})
    department = deps.names.department(manager.department_id, ctx.language)
    title = f"，{manager.job_title}" if manager.job_title else ""
    title_en = f", {_title_in_english(manager)}" if manager.job_title or manager.role else ""
    contact = ctx.say(f"\n邮箱：{manager.email}", f"\nEmail: {manager.email}") if manager.email else ""
    text = ctx.say(f"{who_zh}的直属经理是 **{manager.name}**（{manager.id}，{department}{title}）。",
                   f"{who_en} direct manager is **{manager.name}** ({manager.id}, {department}{title_en}).") + contact
    return ToolResult("my_manager", logged, True, text, private=True, act="manager",
                      subject={"employee": whose}, focus={"employee": manager.id})


def _title_in_english(person) -> str:
    """HR's job title as written when it is English; a Chinese title ("经理") becomes the role's English noun."""
    title = person.job_title or ""
    return words.one_role(person.role or "", "en") if not title or _HAN.search(title) else title


TOOLS = [
    Tool("my_manager", ManagerArgs, my_manager, "某人（默认是你自己）的直属经理是谁",
         "Who a person's direct manager is (the asker's own unless another person is named).",
         act="manager", slots=("employee",), examples=(("我的经理是谁？", "Who is my manager?"),)),
]
