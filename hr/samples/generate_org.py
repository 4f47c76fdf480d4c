"""Write an organisation as the CSV files `mentor org import` reads.

Sample (committed in hr/samples/org):  python -m hr.samples.generate_org --out hr/samples/org --sample
Benchmark (100k people, ~2M enrollments): python -m hr.samples.generate_org --out DIR --employees 100000
"""

from __future__ import annotations

import argparse
import csv
import random
import time
from datetime import date
from pathlib import Path

from hr.samples.catalog import COURSES
from hr.samples.history import iter_histories, sample_sessions
from hr.samples.people import SAMPLE_SIZES, departments, people

REFERENCE_DAY = date(2026, 11, 25)
BENCH_EXTRA_PER_PERSON = 17  # with the required courses this gives ~2M enrollments for 100k people
EMPLOYEE_COLUMNS = ["id", "name", "email", "department_id", "manager_id", "role", "job_title", "slack_user_id",
                    "wecom_userid", "hired_on", "skills", "learning_preference"]
COURSE_COLUMNS = ["code", "title", "title_en", "category", "format", "hours", "passing_score", "difficulty",
                  "skill_tags", "prerequisites", "required_for", "due_days"]
ENROLLMENT_COLUMNS = ["employee_id", "course_code", "enrolled_on", "due_on", "status", "completed_on", "progress_pct",
                      "session_id", "source"]


def synthetic_courses(count: int) -> list[tuple]:
    """Extra optional courses so the benchmark organisation reaches ~20 enrollments per person."""
    return [(f"GEN-{n:03d}", f"通用技能课程{n}", f"General Skills {n}", "general", "video" if n % 2 else "document",
             1, 60, 1 + n % 3, "general", "", "", 60) for n in range(1, count + 1)]


def generate(out: Path, employees: int, seed: int = 7, reference: date = REFERENCE_DAY,
             extra_per_person: int = 0, sample: bool = False) -> dict[str, int]:
    """Write every CSV into out; returns row counts per file."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    teams = 0 if sample else 5
    scale = employees / sum(SAMPLE_SIZES.values())
    sizes = SAMPLE_SIZES if sample else {d: max(8, round(n * scale)) for d, n in SAMPLE_SIZES.items()}
    everyone = people(rng, sizes, teams, reference)
    extra = synthetic_courses(0 if sample else 40)
    sessions = sample_sessions(reference.year)
    counts = {}
    counts["departments.csv"] = _write(out / "departments.csv", ["id", "name", "parent_id"],
                                       ([d, n, p or ""] for d, n, p in departments(teams)))
    counts["courses.csv"] = _write(out / "courses.csv", COURSE_COLUMNS,
                                   ([*c[:11], c[11] if c[11] is not None else ""] for c in [*COURSES, *extra]))
    counts["employees.csv"] = _write(out / "employees.csv", EMPLOYEE_COLUMNS,
                                     ([getattr(p, c) for c in EMPLOYEE_COLUMNS] for p in everyone))
    files = {name: (out / name).open("w", encoding="utf-8", newline="") for name in
             ("enrollments.csv", "exam_attempts.csv", "survey_responses.csv", "performance.csv")}
    try:
        writers = {name: csv.writer(handle) for name, handle in files.items()}
        writers["enrollments.csv"].writerow(ENROLLMENT_COLUMNS)
        writers["exam_attempts.csv"].writerow(["employee_id", "course_code", "attempted_on", "score"])
        writers["survey_responses.csv"].writerow(["employee_id", "course_code", "submitted_on", "rating"])
        writers["performance.csv"].writerow(["employee_id", "period", "score", "behavior_score", "business_metric"])
        counts.update({name: 0 for name in files})
        for history in iter_histories(rng, everyone, reference, sessions, [c[0] for c in extra], extra_per_person):
            for name, rows in (("enrollments.csv", history.enrollments), ("exam_attempts.csv", history.exams),
                               ("survey_responses.csv", history.surveys), ("performance.csv", history.performance)):
                for row in rows:
                    writers[name].writerow(row.values())
                counts[name] += len(rows)
    finally:
        for handle in files.values():
            handle.close()
    counts["sessions.csv"] = _write(out / "sessions.csv", ["id", "course_code", "starts_at", "hours", "venue",
                                                           "instructor", "capacity", "status"],
                                    ([s.id, s.course_code, s.starts_at.isoformat(timespec="minutes"), s.hours, s.venue,
                                      s.instructor, s.capacity, s.status] for s in sessions))
    return counts


def _write(path: Path, header: list[str], rows) -> int:
    """Write one CSV file; returns the number of data rows."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def main() -> None:
    """Command-line entry."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="directory to write the CSV files into")
    parser.add_argument("--employees", type=int, default=100_000, help="head count (ignored with --sample)")
    parser.add_argument("--extra-per-person", type=int, default=BENCH_EXTRA_PER_PERSON,
                        help="synthetic optional courses per person (benchmark scale: ~20 enrollments each)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sample", action="store_true", help="the ~200-person sample organisation")
    args = parser.parse_args()
    started = time.perf_counter()
    counts = generate(args.out, args.employees, args.seed, extra_per_person=0 if args.sample else args.extra_per_person,
                      sample=args.sample)
    print({**counts, "seconds": round(time.perf_counter() - started, 1)})


if __name__ == "__main__":
    main()
