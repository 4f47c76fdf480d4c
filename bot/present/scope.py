"""The line that says a follow-up moved to another person, team or department ("这次看的是研发部，上一条是你的团队。")."""

from __future__ import annotations


def describe(scope: dict, deps, ctx) -> str:
    """A scope ({"employee"|"team"|"department": id}) in words."""
    if "department" in scope:
        return deps.names.department(scope["department"], ctx.language)
    key, value = next(iter(scope.items()))
    if value == ctx.employee_id:
        return ctx.say("你的团队", "your team") if key == "team" else ctx.say("你本人", "you")
    person = deps.hr.employee_by_id(value)
    name = getattr(person, "name", value)
    if key == "team":
        return ctx.say(f"{name}（{value}）的团队", f"{name} ({value})'s team")
    return ctx.say(f"{name}（{value}）", f"{name} ({value})")


def scope_change(change: dict, deps, ctx) -> str:
    """"（这次看的是研发部，上一条是你的团队。）" / "(Now showing R&D; the previous answer was about your team.)"."""
    after, before = describe(change["after"], deps, ctx), describe(change["before"], deps, ctx)
    return ctx.say(f"（这次看的是{after}，上一条是{before}。）", f"(Now showing {after}; the previous answer was about "
                   f"{before}.)")
