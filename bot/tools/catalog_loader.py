"""Build the router's catalog (course and department names) and the display names from the HR records."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from bot.present.names import Names
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


def names_of(catalog: Catalog) -> Names:
    """Display names for replies: course titles and department names in both languages."""
    return Names({c.code.upper(): (c.title_zh, c.title_en) for c in catalog.courses},
                 {d.id: (d.name_zh, d.name_en) for d in catalog.departments})
