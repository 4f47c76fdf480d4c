"""The name lookup of every chat turn reads the lower(trim(name)) index, in both databases (migration hr_0009)."""

import pytest
from sqlalchemy import event, inspect, text
from sqlmodel import Session

from adapters.wiring import build_engine_at
from hr.repositories import org_repo
from tests.postgres_schema import fresh_postgres_schema


def _lookup_sql(engine) -> tuple[str, tuple]:
    """The statement active_names_among sends, as the driver received it."""
    seen = []
    listener = lambda conn, cursor, statement, params, context, many: seen.append((statement, params))  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    with Session(engine) as db:
        org_repo.active_names_among(db, {"王超", "ada lovelace"})
    event.remove(engine, "before_cursor_execute", listener)
    return next((s, p) for s, p in seen if "hr_employee" in s)


def test_sqlite_plans_the_lookup_on_the_name_key_index(tmp_path):
    engine = build_engine_at(f"sqlite:///{tmp_path / 'hr.db'}")
    statement, params = _lookup_sql(engine)
    with engine.connect() as conn:
        plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params))
    engine.dispose()
    assert "ix_employee_name_key" in plan, plan


@pytest.mark.postgres
def test_postgres_has_the_name_key_index_on_the_lookups_expression():
    with fresh_postgres_schema() as url:
        engine = build_engine_at(url)
        indexes = {i["name"] for i in inspect(engine).get_indexes("hr_employee")}
        with engine.connect() as conn:
            definition = conn.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_employee_name_key' "
                                           "AND schemaname = current_schema()")).scalar_one()
        engine.dispose()
    assert "ix_employee_name_key" in indexes or definition
    assert "lower(" in definition and "TRIM(" in definition.upper()
