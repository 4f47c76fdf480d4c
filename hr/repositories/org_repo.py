"""Queries about departments, employees and the manager chain."""

from __future__ import annotations

from sqlalchemy import func, text
from sqlmodel import Session, select

from hr.models import Department, Employee

SUBTREE_CTE = """WITH RECURSIVE team(id) AS (
  SELECT id FROM hr_employee WHERE id = :manager_id
  UNION SELECT e.id FROM hr_employee e JOIN team t ON e.manager_id = t.id)"""


def get_employee(db: Session, employee_id: str) -> Employee | None:
    """One employee by id."""
    return db.get(Employee, employee_id)


def active_names_among(db: Session, names: set[str], batch: int = 500) -> list[tuple[str, str, str]]:
    """(id, name, department) of active employees whose trimmed, lower-cased name is one of `names`.

    Why: a chat turn looks for colleagues named in the message; asking for the message's own candidate strings is
    one bounded query, where loading every name would cost seconds per turn in a 100k-person organisation.
    """
    wanted = sorted(names)
    found: list[tuple[str, str, str]] = []
    key = func.lower(func.trim(Employee.name))
    for start in range(0, len(wanted), batch):
        rows = db.exec(select(Employee.id, Employee.name, Employee.department_id)
                       .where(Employee.active == True, key.in_(wanted[start:start + batch])))  # noqa: E712
        found.extend((r[0], r[1], r[2]) for r in rows)
    return found


def active_names_starting_with(db: Session, first_chars: set[str], batch: int = 500) -> list[tuple[str, str, str]]:
    """(id, name, department) of active employees whose trimmed name starts with one of `first_chars` (a surname
    written in pinyin: only the people who could carry that surname are read, not the whole organisation)."""
    wanted = sorted(first_chars)
    found: list[tuple[str, str, str]] = []
    first = func.substr(func.trim(Employee.name), 1, 1)
    for start in range(0, len(wanted), batch):
        rows = db.exec(select(Employee.id, Employee.name, Employee.department_id)
                       .where(Employee.active == True, first.in_(wanted[start:start + batch])))  # noqa: E712
        found.extend((r[0], r[1], r[2]) for r in rows)
    return found


def find_employee_by(db: Session, field: str, value: str) -> Employee | None:
    """One employee by a unique contact field: email, slack_user_id or wecom_userid."""
    column = {"email": Employee.email, "slack_user_id": Employee.slack_user_id,
              "wecom_userid": Employee.wecom_userid}[field]
    return db.exec(select(Employee).where(column == value)).first()


def get_department(db: Session, department_id: str) -> Department | None:
    """One department by id."""
    return db.get(Department, department_id)


def list_departments(db: Session) -> list[Department]:
    """Every department (the tree is small)."""
    return list(db.exec(select(Department).order_by(Department.id)))


def department_ancestors(db: Session, department_id: str) -> list[str]:
    """The department and every ancestor up to the root, nearest first."""
    chain, seen = [], set()
    current = db.get(Department, department_id)
    while current is not None and current.id not in seen:
        chain.append(current.id)
        seen.add(current.id)
        current = db.get(Department, current.parent_id) if current.parent_id else None
    return chain


def manager_chain(db: Session, employee_id: str) -> list[str]:
    """The employee's managers, nearest first (cycle-safe)."""
    chain, seen = [], {employee_id}
    current = db.get(Employee, employee_id)
    while current is not None and current.manager_id and current.manager_id not in seen:
        chain.append(current.manager_id)
        seen.add(current.manager_id)
        current = db.get(Employee, current.manager_id)
    return chain


def subtree_employee_ids(db: Session, manager_id: str) -> list[str]:
    """Everyone who reports to the manager directly or indirectly, plus the manager."""
    rows = db.execute(text(SUBTREE_CTE + " SELECT id FROM team"), {"manager_id": manager_id})
    return [row[0] for row in rows]


def subtree_has_role(db: Session, manager_id: str, role: str) -> bool:
    """Whether someone with this role reports to the manager, directly or indirectly (one query, not the subtree)."""
    sql = SUBTREE_CTE + (" SELECT 1 FROM team t JOIN hr_employee e ON e.id = t.id"
                         " WHERE e.role = :role AND e.id <> :manager_id LIMIT 1")
    return db.execute(text(sql), {"manager_id": manager_id, "role": role}).first() is not None


def employees_by_ids(db: Session, employee_ids: list[str]) -> list[Employee]:
    """Several employees in one query."""
    if not employee_ids:
        return []
    return list(db.exec(select(Employee).where(Employee.id.in_(employee_ids))))


def department_employee_ids(db: Session, department_id: str) -> list[str]:
    """Active people in a department and every department below it."""
    departments = {d.id: d.parent_id for d in list_departments(db)}
    inside = {department_id}
    changed = True
    while changed:
        below = {d for d, parent in departments.items() if parent in inside and d not in inside}
        inside |= below
        changed = bool(below)
    query = select(Employee.id).where(Employee.department_id.in_(sorted(inside)), Employee.active == True)  # noqa: E712
    return sorted(db.exec(query))
