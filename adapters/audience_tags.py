"""Every audience tag a document may name (roles, departments, employees, 'all'), read from the HR records, so a
typo such as `mangaer` is an ingest error instead of a document nobody can read."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def known_audience_tags(engine) -> frozenset[str] | None:
    """Lower-cased tags from HR; None (check skipped, with a warning) when no organisation is loaded yet."""
    from sqlalchemy.exc import SQLAlchemyError
    from sqlmodel import select

    from hr.caller import ROLES
    from hr.db import session_scope
    from hr.models import Department, Employee

    try:
        with session_scope(engine) as db:
            departments = [d.lower() for d in db.exec(select(Department.id))]
            employees = [e.lower() for e in db.exec(select(Employee.id))]
    except SQLAlchemyError as error:
        log.warning("audience tags not checked: HR records unreadable (%s)", type(error).__name__)
        return None
    if not departments:
        log.warning("audience tags not checked: no organisation loaded (run `mentor org import DIR` first)")
        return None
    return frozenset({"all", *ROLES, *departments, *employees})
