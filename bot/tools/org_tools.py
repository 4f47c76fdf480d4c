"""The person's place in the organisation: who their manager is (whom to ask about leave, courses, approvals)."""

from __future__ import annotations

import re

from pydantic import BaseModel

from bot.present import words
from bot.tools.context import TurnContext
from bot.tools.registry import Tool
from bot.tools.result import ToolResult

_HAN = re.compile(r"[\u4e00-\u9fff]")


class NoArgs(BaseModel):
    """No arguments: it is always the caller's own manager (the caller is bound in the turn, never chosen)."""


def my_manager(deps, ctx: TurnContext, args: NoArgs) -> ToolResult:
    """"我的经理是谁" / "who is my manager": the caller's direct manager as the HR record has them."""
    me = deps.hr.employee_by_id(ctx.employee_id)
    manager_id = getattr(me, "manager_id", None)
    manager = deps.hr.employee_by_id(manager_id) if manager_id else None
    if manager is None:
        return ToolResult("my_manager", {}, True, ctx.say(
            "人事系统里没有登记你的直属经理。如有疑问，请联系人力资源部。",
            "The HR system has no direct manager on record for you. Please ask HR if that looks wrong."),
            private=True, act="manager", subject={"employee": ctx.employee_id})
    department = deps.names.department(manager.department_id, ctx.language)
    title = f"，{manager.job_title}" if manager.job_title else ""
    title_en = f", {_title_in_english(manager)}" if manager.job_title or manager.role else ""
    contact = ctx.say(f"\n邮箱：{manager.email}", f"\nEmail: {manager.email}") if manager.email else ""
    text = ctx.say(f"你的直属经理是 **{manager.name}**（{manager.id}，{department}{title}）。",
                   f"Your direct manager is **{manager.name}** ({manager.id}, {department}{title_en}).") + contact
    return ToolResult("my_manager", {}, True, text, private=True, act="manager",
                      subject={"employee": ctx.employee_id}, focus={"employee": manager.id})


def _title_in_english(person) -> str:
    """HR's job title as written when it is English; a Chinese title ("经理") becomes the role's English noun."""
    title = person.job_title or ""
    return words.one_role(person.role or "", "en") if not title or _HAN.search(title) else title


TOOLS = [
    Tool("my_manager", NoArgs, my_manager, "我的直属经理是谁", "Who the person's direct manager is.",
         act="manager", examples=(("我的经理是谁？", "Who is my manager?"),)),
]
