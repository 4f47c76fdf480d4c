"""Build the router's catalog (course and department names) from the HR records."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from bot.routing.catalog import Catalog, CourseName, DepartmentName
from bot.routing.department_words import english_department_name


def load_catalog(engine: Engine) -> Catalog:
    """Every course and department HR holds, as the names people use for them."""
    from hr.db import session_scope
    from hr.repositories import course_repo, org_repo

    with session_scope(engine) as db:
        courses = [CourseName(c.code, c.title, c.title_en) for c in course_repo.list_courses(db)]
        departments = [DepartmentName(d.id, d.name, english_department_name(d.name))
                       for d in org_repo.list_departments(db)]
    return Catalog(courses, departments)
