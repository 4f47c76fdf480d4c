"""Write a validated plan with upserts (insert new, update changed, leave equal rows alone) in one transaction."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy import Table, text
from sqlmodel import Session

from hr.db import SQLITE_CACHE_KIB
from hr.models import (
    Course,
    CourseSession,
    Department,
    Employee,
    Enrollment,
    ExamAttempt,
    PerformanceRecord,
    SurveyResponse,
)

log = logging.getLogger(__name__)
CHUNK = 5000
IMPORT_CACHE_KIB = 1_048_576

# table key in the plan -> (model, natural key columns)
TARGETS = {
    "departments": (Department, ("id",)),
    "employees": (Employee, ("id",)),
    "courses": (Course, ("code",)),
    "sessions": (CourseSession, ("id",)),
    "enrollments": (Enrollment, ("employee_id", "course_code")),
    "exam_attempts": (ExamAttempt, ("employee_id", "course_code", "attempt_no")),
    "surveys": (SurveyResponse, ("employee_id", "course_code")),
    "performance": (PerformanceRecord, ("employee_id", "period")),
}


def write_plan(db: Session, rows: dict[str, list[dict]]) -> dict[str, int]:
    """Upsert every table in dependency order; returns rows inserted or changed per table."""
    if db.get_bind().dialect.name == "sqlite":
        db.execute(text(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}"))  # big batches: keep the indexes in memory
    changed = {}
    for name, (model, keys) in TARGETS.items():
        batch = rows.get(name, [])
        if batch:
            changed[name] = _upsert(db, model.__table__, batch, keys)
    if rows.get("enrollments") or rows.get("sessions"):
        _recount_seats(db)
    if db.get_bind().dialect.name == "sqlite":
        db.execute(text(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}"))
    return changed


def _upsert(db: Session, table: Table, batch: list[dict], keys: Sequence[str]) -> int:
    """INSERT ... ON CONFLICT (keys) DO UPDATE only where a value differs; returns rows inserted or changed."""
    defaults = {c.name: c.default.arg for c in table.columns
                if c.name not in batch[0] and c.default is not None and c.default.is_scalar}
    columns = [*batch[0], *defaults]
    updates = [c for c in batch[0] if c not in keys]  # defaults fill new rows only, never overwrite
    if db.get_bind().dialect.name == "postgresql":
        touched = _upsert_by_copy(db, table, batch, keys, columns, updates, defaults)
    else:
        touched = _upsert_sqlite(db, table, batch, keys, columns, updates, defaults)
    log.info("import upsert table=%s rows=%s changed=%s", table.name, len(batch), touched)
    return touched


def _conflict_clause(table: Table, keys: Sequence[str], updates: list[str], differs: str) -> str:
    """ON CONFLICT ... DO UPDATE SET ... WHERE <some column differs> (or DO NOTHING when only keys are given)."""
    if not updates:
        return f"ON CONFLICT ({', '.join(keys)}) DO NOTHING"
    return (f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in updates)
            + " WHERE " + " OR ".join(f"{table.name}.{c} {differs} excluded.{c}" for c in updates))


def _upsert_sqlite(db: Session, table: Table, batch: list[dict], keys: Sequence[str], columns: list[str],
                   updates: list[str], defaults: dict) -> int:
    """SQLite: plain executemany on the driver (values converted by each column type's own bind processor)."""
    dialect = db.get_bind().dialect
    processors = [table.c[c].type.bind_processor(dialect) for c in columns]
    sql = (f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
           + _conflict_clause(table, keys, updates, "IS NOT"))
    raw = db.connection().connection.dbapi_connection
    before = raw.total_changes
    cursor = raw.cursor()
    try:
        for start in range(0, len(batch), CHUNK):
            cursor.executemany(sql, [
                tuple(p(v) if p else v for p, v in zip(processors, (row.get(c, defaults.get(c)) for c in columns),
                                                         strict=True))
                for row in batch[start:start + CHUNK]])
    finally:
        cursor.close()
    return raw.total_changes - before


def _upsert_by_copy(db: Session, table: Table, batch: list[dict], keys: Sequence[str], columns: list[str],
                    updates: list[str], defaults: dict) -> int:
    """PostgreSQL: COPY the rows into a temporary table, then one INSERT ... SELECT ... ON CONFLICT statement."""
    names = ", ".join(columns)
    staging = f"staging_{table.name}"
    cursor = db.connection().connection.cursor()
    try:
        cursor.execute(f"CREATE TEMP TABLE {staging} AS SELECT {names} FROM {table.name} WITH NO DATA")
        with cursor.copy(f"COPY {staging} ({names}) FROM STDIN") as copy:
            for row in batch:
                copy.write_row([row.get(c, defaults.get(c)) for c in columns])
        cursor.execute(f"INSERT INTO {table.name} ({names}) SELECT {names} FROM {staging} "
                       + _conflict_clause(table, keys, updates, "IS DISTINCT FROM"))
        touched = cursor.rowcount
        cursor.execute(f"DROP TABLE {staging}")
    finally:
        cursor.close()
    return touched


def _recount_seats(db: Session) -> None:
    """Seats taken = non-dropped enrollments holding the session (only rows that differ are written)."""
    db.execute(text("""UPDATE hr_course_session SET seats_taken = (SELECT COUNT(*) FROM hr_enrollment en
        WHERE en.session_id = hr_course_session.id AND en.status <> 'dropped')
        WHERE seats_taken <> (SELECT COUNT(*) FROM hr_enrollment en
        WHERE en.session_id = hr_course_session.id AND en.status <> 'dropped')"""))
