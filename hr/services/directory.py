"""Lookups the channels need to resolve who is talking, and a reader's audience tags for the knowledge base."""

from __future__ import annotations

from sqlmodel import Session

from hr.errors import invalid
from hr.models import Employee
from hr.repositories import org_repo

LOOKUP_FIELDS = ("email", "slack_user_id", "wecom_userid")


def employee_by_id(db: Session, employee_id: str) -> Employee | None:
    """Identity resolution by employee id (system use by channels; no caller needed)."""
    return org_repo.get_employee(db, employee_id)


def employee_by_slack_user(db: Session, slack_user_id: str) -> Employee | None:
    """Identity resolution for Slack events."""
    return org_repo.find_employee_by(db, "slack_user_id", slack_user_id)


def employee_by_wecom_user(db: Session, wecom_userid: str) -> Employee | None:
    """Identity resolution for WeCom callbacks."""
    return org_repo.find_employee_by(db, "wecom_userid", wecom_userid)


def employee_by_email(db: Session, email: str) -> Employee | None:
    """Identity resolution for the web login (case-insensitive emails are stored lower-case)."""
    if "@" not in email:
        raise invalid("That is not an email address.", "这不是有效的邮箱地址。")
    return org_repo.find_employee_by(db, "email", email.strip().lower())


def audience_tags(db: Session, employee: Employee) -> set[str]:
    """'all', the role, the department and every ancestor department, and the employee id."""
    return {"all", employee.role, employee.id, *org_repo.department_ancestors(db, employee.department_id)}
