"""Validate then write: nothing is written unless every row is valid (or skip_invalid is set)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Engine

from hr.db import session_scope
from hr.importer.load import write_plan
from hr.importer.problems import Problem
from hr.importer.validate import Validator

log = logging.getLogger(__name__)


@dataclass
class ImportReport:
    """What an import found and did."""

    problems: list[Problem] = field(default_factory=list)
    written: bool = False
    rows_read: dict[str, int] = field(default_factory=dict)
    rows_changed: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    hired_or_moved: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """JSON form for the CLI."""
        return {"written": self.written, "rows_read": self.rows_read, "rows_changed": self.rows_changed,
                "problems": [str(p) for p in self.problems], "seconds": round(self.seconds, 3),
                "hired_or_moved": len(self.hired_or_moved)}


def import_org(engine: Engine, directory: Path, *, skip_invalid: bool = False, timezone: str = "Asia/Shanghai",
               default_due_days: int = 90) -> ImportReport:
    """Validate every file, then (if clean, or skip_invalid) upsert all valid rows in one transaction."""
    started = time.perf_counter()
    report = ImportReport()
    with session_scope(engine, write=True) as db:
        plan = Validator(db, Path(directory), timezone, default_due_days).run()
        report.problems = plan.problems
        report.rows_read = {name: len(rows) for name, rows in plan.rows.items()}
        header_broken = any(p.line <= 1 for p in plan.problems)
        if plan.problems and (not skip_invalid or header_broken):
            report.seconds = time.perf_counter() - started
            return report
        report.rows_changed = write_plan(db, plan.rows)
        report.hired_or_moved = plan.hired_or_moved
        report.written = True
    report.seconds = time.perf_counter() - started
    log.info("org import from %s: %s problems, written=%s in %.1fs", directory, len(report.problems),
             report.written, report.seconds)
    return report
