"""HR at scale: import a 100k-employee / ~2M-enrollment organisation, then time the company completion report, a
department KPI and one employee's KPI explain on SQLite (and PostgreSQL when a URL is given).

    python -m eval.benchmarks.hr_scale [--org DIR] [--postgres URL] [--skip-sqlite]

Writes eval/results/hr_scale.json. Targets: report and department KPI < 2 s on SQLite and < 1 s on PostgreSQL,
explain < 50 ms. The generated CSVs are cached under eval/results/tmp/ (git-ignored) and reused.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import time
import uuid
from pathlib import Path

from sqlalchemy import func, text
from sqlmodel import select

from adapters.wiring import build_admin_engine, build_engine_at, build_hr_service
from hr.caller import Caller
from hr.db import session_scope
from hr.importer.run import import_org
from hr.models import Employee, Enrollment

RESULTS = Path(__file__).resolve().parents[1] / "results"
DEFAULT_ORG = RESULTS / "tmp" / "hr_org_100k"
PERIOD = "2026Q3"
TARGETS = {"sqlite": {"report_s": 2.0, "department_kpi_s": 2.0, "explain_ms": 50.0},
           "postgresql": {"report_s": 1.0, "department_kpi_s": 1.0, "explain_ms": 50.0}}
HR_OPERATOR = Caller(id="bench-hr", role="hr", department_id="corp")


def ensure_org(directory: Path, employees: int) -> None:
    """Generate the organisation once; later runs reuse the CSV files."""
    if (directory / "enrollments.csv").exists():
        return
    from hr.samples.generate_org import BENCH_EXTRA_PER_PERSON, generate

    generate(directory, employees, extra_per_person=BENCH_EXTRA_PER_PERSON)


def _timed(call, repeat: int) -> list[float]:
    """Wall-clock seconds of each of `repeat` calls."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return times


def measure(url: str, org: Path, backend: str) -> dict:
    """Migrate, import (timed), re-import (timed no-op), then time the three queries."""
    engine = build_engine_at(url)  # the composition root's engine, migrated by Alembic
    first = import_org(engine, org)
    if not first.written:
        raise SystemExit(f"import failed: {first.problems[:5]}")
    again = import_org(engine, org)
    with session_scope(engine) as db:
        enrollments = db.exec(select(func.count()).select_from(Enrollment)).one()
        headcount = db.exec(select(func.count()).select_from(Employee)).one()
        people = list(db.exec(select(Employee.id).where(Employee.role == "employee")))
    service = build_hr_service(None, engine)
    if backend == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    else:
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    service.completion_report(HR_OPERATOR, "department", PERIOD)  # warm caches once
    report = _timed(lambda: service.completion_report(HR_OPERATOR, "department", PERIOD), 5)
    by_course = _timed(lambda: service.completion_report(HR_OPERATOR, "course", PERIOD), 3)
    dept = _timed(lambda: service.department_kpi(HR_OPERATOR, "sales", PERIOD), 5)
    rng = random.Random(1)
    sample = rng.sample(people, 50)
    explain = [_timed(lambda who=who: service.explain_employee_kpi(HR_OPERATOR, who, PERIOD), 1)[0] for who in sample]
    target = TARGETS[backend]
    result = {
        "employees": headcount, "enrollments": enrollments, "import_s": round(first.seconds, 1),
        "import_rows": first.rows_read, "reimport_s": round(again.seconds, 1),
        "reimport_rows_changed": sum(again.rows_changed.values()),
        "company_report_by_department_s": {"median": round(statistics.median(report), 3), "max": round(max(report), 3)},
        "company_report_by_course_s": {"median": round(statistics.median(by_course), 3)},
        "department_kpi_s": {"median": round(statistics.median(dept), 3), "max": round(max(dept), 3)},
        "employee_explain_ms": {"median": round(1000 * statistics.median(explain), 1),
                                "p95": round(1000 * sorted(explain)[int(0.95 * len(explain)) - 1], 1)},
        "targets": target,
    }
    result["meets_targets"] = (result["company_report_by_department_s"]["median"] < target["report_s"]
                               and result["department_kpi_s"]["median"] < target["department_kpi_s"]
                               and result["employee_explain_ms"]["median"] < target["explain_ms"])
    engine.dispose()
    return result


def postgres_run(base_url: str, org: Path) -> dict:
    """The same measurements in a throwaway schema."""
    schema = f"mentor_bench_{uuid.uuid4().hex[:8]}"
    admin = build_admin_engine(base_url)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        return measure(f"{base_url}{'&' if '?' in base_url else '?'}options=-csearch_path%3D{schema}", org,
                       "postgresql")
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def main() -> None:
    """Run and write the JSON result."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--org", type=Path, default=DEFAULT_ORG)
    parser.add_argument("--employees", type=int, default=100_000)
    parser.add_argument("--postgres", default=os.environ.get("MENTOR_TEST_POSTGRES_URL"))
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    ensure_org(args.org, args.employees)
    out = RESULTS / "hr_scale.json"
    results = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}  # keep the other backend's run
    from eval.benchmarks.machine import load_snapshot

    results.update({"machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                                "load_average_at_start": os.getloadavg()[0]}, "period": PERIOD,
                    "load_before": load_snapshot()})
    if not args.skip_sqlite:
        db_file = RESULTS / "tmp" / "hr_bench.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_file}{suffix}").unlink(missing_ok=True)
        results["sqlite"] = measure(f"sqlite:///{db_file}", args.org, "sqlite")
        print(json.dumps(results["sqlite"], indent=2))
    if args.postgres:
        results["postgresql"] = {**postgres_run(args.postgres, args.org), "load_after": load_snapshot()}
        print(json.dumps(results["postgresql"], indent=2))
    RESULTS.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
