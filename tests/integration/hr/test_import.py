"""`org import`: the sample loads, re-import changes nothing, bad rows are listed and block the write."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import select

from hr.db import session_scope
from hr.importer.run import import_org
from hr.models import Course, CourseSession, Department, Employee, Enrollment, ExamAttempt, PerformanceRecord

SAMPLE = Path(__file__).resolve().parents[3] / "hr" / "samples" / "org"


def _counts(engine) -> dict[str, int]:
    """Row counts of the imported tables."""
    with session_scope(engine) as db:
        return {m.__name__: db.exec(select(func.count()).select_from(m)).one()
                for m in (Department, Employee, Course, CourseSession, Enrollment, ExamAttempt, PerformanceRecord)}


def test_sample_imports_and_reimport_is_a_no_op(engine):
    first = import_org(engine, SAMPLE)
    assert first.written and first.problems == []
    assert first.rows_changed == {k: v for k, v in first.rows_read.items() if v}  # every row was new
    counts = _counts(engine)
    assert counts["Department"] == 9 and counts["Course"] == 10 and 150 <= counts["Employee"] <= 250
    again = import_org(engine, SAMPLE)
    assert again.written and set(again.rows_changed.values()) == {0}
    assert _counts(engine) == counts
    with session_scope(engine) as db:
        full = db.exec(select(CourseSession).where(CourseSession.seats_taken > CourseSession.capacity)).all()
        assert full == []


def _copy(tmp_path: Path) -> Path:
    """A writable copy of the sample files."""
    target = tmp_path / "org"
    shutil.copytree(SAMPLE, target)
    return target


def _append(path: Path, line: str) -> int:
    """Append a CSV line; returns its line number."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


def test_bad_rows_are_listed_and_nothing_is_written(engine, tmp_path):
    org = _copy(tmp_path)
    bad_emp = _append(org / "employees.csv", "E9999,坏人,bad@example.com,nowhere,E0001,employee,x,,,2026-01-01,,text")
    bad_enr = _append(org / "enrollments.csv", "E0001,LDR-301,2026-13-01,,enrolled,,0,,hr")
    bad_exam = _append(org / "exam_attempts.csv", "E0002,SEC-101,2026-02-01,130")
    report = import_org(engine, org)
    assert not report.written
    found = {(p.file, p.line) for p in report.problems}
    assert found == {("employees.csv", bad_emp), ("enrollments.csv", bad_enr), ("exam_attempts.csv", bad_exam)}
    reasons = " ".join(p.reason for p in report.problems)
    assert "nowhere" in reasons and "YYYY-MM-DD" in reasons and "outside 0..100" in reasons
    assert set(_counts(engine).values()) == {0}


def test_skip_invalid_writes_only_the_good_rows(engine, tmp_path):
    org = _copy(tmp_path)
    _append(org / "enrollments.csv", "E0001,NOPE-9,2026-01-01,,enrolled,,0,,hr")
    report = import_org(engine, org, skip_invalid=True)
    assert report.written and len(report.problems) == 1 and "NOPE-9" in report.problems[0].reason


@pytest.mark.parametrize(("file", "line", "reason"), [
    ("enrollments.csv", "E0001,AI-101,2026-03-01,2026-02-01,enrolled,,0,,hr", "due_on is before enrolled_on"),
    ("enrollments.csv", "E0001,AI-101,2026-03-01,,completed,,0,,hr", "completed_on must be set"),
    ("departments.csv", "loop1,Loop,loop1", "loops back"),
    ("employees.csv", "E0002,Dup,dup@example.com,rnd,E0001,employee,x,,,2026-01-01,,text", "appears twice"),
    ("employees.csv", "E9998,Dup,x@example.com,rnd,E0001,boss,x,,,2026-01-01,,text", "role"),
])
def test_row_rules(engine, tmp_path, file, line, reason):
    org = _copy(tmp_path)
    _append(org / file, line)
    report = import_org(engine, org)
    assert not report.written and any(reason in p.reason for p in report.problems)


def test_missing_file_or_column_is_reported_before_rows(engine, tmp_path):
    org = _copy(tmp_path)
    (org / "courses.csv").unlink()
    (org / "employees.csv").write_text("id,name\nE1,x\n", encoding="utf-8")
    report = import_org(engine, org, skip_invalid=True)
    assert not report.written
    assert {p.file for p in report.problems} == {"courses.csv", "employees.csv"}


def test_new_hires_and_moves_are_reported_for_auto_assignment(engine, tmp_path):
    org = _copy(tmp_path)
    first = import_org(engine, org)
    assert len(first.hired_or_moved) == first.rows_read["employees"]  # everyone is new the first time
    assert import_org(engine, org).hired_or_moved == []
    _append(org / "employees.csv", "E9001,新人,new9001@example.com,rnd,E0002,employee,软件工程师,,,2026-11-20,,text")
    lines = (org / "employees.csv").read_text(encoding="utf-8").splitlines()
    lines = [line.replace(",employee,软件工程师,", ",manager,经理,") if line.startswith("E0020,") else line
             for line in lines]
    (org / "employees.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert sorted(import_org(engine, org).hired_or_moved) == ["E0020", "E9001"]
