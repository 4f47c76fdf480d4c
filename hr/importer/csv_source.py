"""Read the CSV files of an import directory (UTF-8 with or without BOM; extra columns ignored)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from hr.importer.problems import Problem

REQUIRED_COLUMNS = {
    "departments.csv": ("id", "name", "parent_id"),
    "employees.csv": ("id", "name", "email", "department_id", "manager_id", "role", "job_title", "slack_user_id",
                      "wecom_userid", "hired_on"),
    "courses.csv": ("code", "title", "category", "format", "hours", "passing_score", "required_for", "due_days"),
    "enrollments.csv": ("employee_id", "course_code", "enrolled_on", "due_on", "status", "completed_on"),
    "exam_attempts.csv": ("employee_id", "course_code", "attempted_on", "score"),
    "sessions.csv": ("id", "course_code", "starts_at", "venue", "instructor", "capacity"),
    "survey_responses.csv": ("employee_id", "course_code", "submitted_on", "rating"),
    "performance.csv": ("employee_id", "period", "score"),
}
MANDATORY_FILES = ("departments.csv", "employees.csv", "courses.csv")


def header_problems(directory: Path) -> list[Problem]:
    """Missing mandatory files and missing columns, found before any row is read."""
    problems = []
    if not directory.is_dir():
        return [Problem(str(directory), 0, "is not a directory; pass the folder holding the CSV files")]
    for name, columns in REQUIRED_COLUMNS.items():
        path = directory / name
        if not path.exists():
            if name in MANDATORY_FILES:
                problems.append(Problem(name, 0, "file is missing; every import needs it"))
            continue
        with path.open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), [])
        missing = [c for c in columns if c not in [h.strip() for h in header]]
        if missing:
            problems.append(Problem(name, 1, f"missing column(s) {', '.join(missing)}"))
    return problems


def rows(directory: Path, name: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row with stripped values) for each data row; nothing if the optional file is absent."""
    path = directory / name
    if not path.exists():
        return
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        for index, row in enumerate(reader, start=2):
            yield index, {(k or "").strip(): (v or "").strip() for k, v in row.items() if k is not None}
