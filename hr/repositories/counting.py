"""Which enrollments count toward a completion rate (policy `completion.completion_counts`), as SQL and in Python.

`required`: courses the catalog requires of that person (`required_for`: all, a department with its sub-departments,
a role or a job title). `assigned`: those plus courses HR, a manager or auto-assignment enrolled them in. Whatever
does not count is an optional enrollment, reported as its own figure. The SQL condition reads the aliases `en`
(hr_enrollment) and `e` (hr_employee) and is built from the small catalog and department tree once per request."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import String, bindparam, text
from sqlalchemy.sql.elements import TextClause
from sqlmodel import Session

from hr.repositories import course_repo, org_repo
from hr.rules.eligibility import is_required_for, required_tags

COMPLETION_MODES = ("required", "assigned")
ASSIGNING_SOURCES = ("manager", "hr", "auto")


@dataclass(frozen=True)
class CountingRule:
    """The SQL condition for "this enrollment counts", its binds, and the same rule for one person in Python."""

    mode: str
    condition: str
    params: dict = field(default_factory=dict)
    expanding: tuple[str, ...] = ()
    required_for: dict[str, str] = field(default_factory=dict)

    def statement(self, sql: str) -> TextClause:
        """A text() statement with this rule's list parameters bound as typed IN-lists."""
        return text(sql).bindparams(*(bindparam(n, expanding=True, type_=String()) for n in self.expanding))

    def counts(self, course_code: str, source: str, role: str, job_title: str, department_ids: list[str]) -> bool:
        """Whether one enrollment counts (department_ids: the person's department and its ancestors)."""
        if self.mode == "all":
            return True
        required = is_required_for(self.required_for.get(course_code, ""), role, job_title, department_ids)
        return required or (self.mode == "assigned" and source in ASSIGNING_SOURCES)


EVERY_ENROLLMENT = CountingRule(mode="all", condition="1 = 1")


def counting_rule(db: Session, mode: str) -> CountingRule:
    """Build the rule for `required` or `assigned` from the catalog and the department tree."""
    if mode not in COMPLETION_MODES:
        raise ValueError(f"completion_counts must be one of {COMPLETION_MODES}, not {mode!r}")
    children: dict[str, list[str]] = {}
    for department in org_repo.list_departments(db):
        children.setdefault(department.parent_id or "", []).append(department.id)
    courses = course_repo.list_courses(db)
    params: dict = {"cnt_all": []}
    parts = ["en.course_code IN :cnt_all"]
    for i, course in enumerate(courses):
        everyone, tags = required_tags(course.required_for)
        if everyone:
            params["cnt_all"].append(course.code)
        elif tags:
            params[f"cnt_c{i}"], params[f"cnt_t{i}"] = course.code, tags
            params[f"cnt_d{i}"] = sorted(_with_descendants(tags, children))
            parts.append(f"(en.course_code = :cnt_c{i} AND (e.role IN :cnt_t{i} OR e.job_title IN :cnt_t{i} "
                         f"OR e.department_id IN :cnt_d{i}))")
    condition = "(" + " OR ".join(parts) + ")"
    if mode == "assigned":
        condition = f"({condition} OR en.source IN ('manager', 'hr', 'auto'))"
    expanding = tuple(k for k, v in params.items() if isinstance(v, list))
    return CountingRule(mode, condition, params, expanding, {c.code: c.required_for for c in courses})


def _with_descendants(tags: list[str], children: dict[str, list[str]]) -> set[str]:
    """Department ids among the tags plus every sub-department under them."""
    known = {d for ids in children.values() for d in ids}
    found, stack = set(), [t for t in tags if t in known]
    while stack:
        department = stack.pop()
        if department not in found:
            found.add(department)
            stack.extend(children.get(department, []))
    return found
