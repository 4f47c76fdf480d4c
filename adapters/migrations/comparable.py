"""What Alembic's autogenerate may compare: not expression indexes, which it cannot reflect faithfully.

Why: SQLite cannot reflect them at all (Alembic skips them with a warning) and PostgreSQL reflects
lower(trim(name)) as lower(TRIM(BOTH FROM name)), which autogenerate reads as a different index. They are checked
directly instead (tests/integration/hr/test_name_key_index.py)."""

from __future__ import annotations

EXPRESSION_INDEXES = frozenset({"ix_employee_name_key"})


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's include_object hook: everything but the expression indexes."""
    return not (type_ == "index" and name in EXPRESSION_INDEXES)
