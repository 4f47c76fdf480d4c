"""RBAC in one place: employee sees self, manager their subtree, HR and training specialists everyone."""

from __future__ import annotations

from sqlmodel import Session

from hr.caller import Caller
from hr.errors import forbidden, not_found
from hr.models import Employee
from hr.repositories import org_repo
from hr.repositories.report_repo import EVERYONE, Scope


def can_see(db: Session, caller: Caller, employee_id: str) -> bool:
    """True when the caller may read this person's learning records."""
    if caller.sees_everyone or caller.id == employee_id:
        return True
    return caller.role == "manager" and caller.id in org_repo.manager_chain(db, employee_id)


def require_employee(db: Session, employee_id: str) -> Employee:
    """Load an employee or raise not_found."""
    employee = org_repo.get_employee(db, employee_id)
    if employee is None:
        raise not_found("employee", employee_id)
    return employee


def visible_employee(db: Session, caller: Caller, employee_id: str) -> Employee:
    """Load a person the caller may see; otherwise forbidden (checked before existence so ids are not probed)."""
    if not can_see(db, caller, employee_id):
        raise forbidden("see this person's learning records", "查看此人的学习记录")
    return require_employee(db, employee_id)


def require_manage(db: Session, caller: Caller, employee_id: str) -> Employee:
    """Changing someone else's records needs HR/training specialist, or being their manager (any level)."""
    return visible_employee(db, caller, employee_id)


def require_privileged(caller: Caller, what_en: str, what_zh: str) -> None:
    """Only HR and training specialists may do this."""
    if not caller.sees_everyone:
        raise forbidden(what_en, what_zh)


def heads_department(db: Session, caller: Caller) -> bool:
    """A manager heads their department when their own manager sits outside it (or they have none)."""
    if caller.role != "manager":
        return False
    me = org_repo.get_employee(db, caller.id)
    if me is None:
        return False
    boss = org_repo.get_employee(db, me.manager_id) if me.manager_id else None
    return boss is None or boss.department_id != me.department_id


def require_department_view(db: Session, caller: Caller, department_id: str) -> None:
    """Department figures: HR/specialists any department; a department head their department and sub-departments."""
    if org_repo.get_department(db, department_id) is None:
        raise not_found("department", department_id)
    if caller.sees_everyone:
        return
    if caller.department_id in org_repo.department_ancestors(db, department_id) and heads_department(db, caller):
        return
    raise forbidden("see this department's figures", "查看该部门的数据")


def report_scope(caller: Caller) -> Scope:
    """The rows a report may include for this caller."""
    if caller.sees_everyone:
        return EVERYONE
    if caller.role == "manager":
        return Scope(manager_id=caller.id)
    return Scope(employee_id=caller.id)


def analytics_scope(db: Session, caller: Caller, department_id: str | None, what_en: str, what_zh: str) -> Scope:
    """The rows an analytics view covers: a department the caller may view, else HR's company or a manager's team;
    an employee is refused with what they asked for."""
    if department_id:
        require_department_view(db, caller, department_id)
        return Scope(department_id=department_id)
    scope = report_scope(caller)
    if scope.employee_id:
        raise forbidden(f"see {what_en} (managers, HR and training specialists can)",
                        f"查看{what_zh}（经理、HR 和培训专员可以查看）")
    return scope
