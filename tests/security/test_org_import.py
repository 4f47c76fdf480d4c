"""Finding 6 (and the import/chart items of finding 8): an import is validated against the whole resulting org chart
(stored rows plus the file), so it cannot create a manager loop or reuse someone's Slack/WeCom id; HR's text never
breaks a chart."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from hr.db import make_engine, session_scope
from hr.importer.run import import_org
from hr.models import Employee

DEPARTMENTS = "id,name,parent_id\ncorp,HQ,\nrnd,R&D,corp\n"
COURSES = "code,title,category,format,hours,passing_score,required_for,due_days\n"
EMPLOYEE_HEADER = "id,name,email,department_id,manager_id,role,job_title,slack_user_id,wecom_userid,hired_on\n"
BASE = (EMPLOYEE_HEADER + "E0002,Boss,boss@x.com,corp,,manager,CEO,U02,w02,2020-01-01\n"
        "E0010,Lead,lead@x.com,rnd,E0002,manager,Lead,U10,w10,2021-01-01\n"
        "E0012,Dev,dev@x.com,rnd,E0010,employee,Dev,U12,w12,2022-01-01\n")


def _files(folder: Path, employees: str, departments: str = "id,name,parent_id\n") -> Path:
    """An import folder (departments and courses may be header-only: only employees change)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "departments.csv").write_text(departments, encoding="utf-8")
    (folder / "courses.csv").write_text(COURSES, encoding="utf-8")
    (folder / "employees.csv").write_text(employees, encoding="utf-8")
    return folder


@pytest.fixture
def org(tmp_path):
    """A migrated SQLite database holding E0002 → E0010 → E0012 (boss, lead, developer)."""
    from adapters.migrations.runner import upgrade_to_heads

    url = f"sqlite:///{tmp_path / 'hr.db'}"
    upgrade_to_heads(url)
    engine = make_engine(url)
    assert import_org(engine, _files(tmp_path / "base", BASE, DEPARTMENTS)).written
    return engine


def _managers(engine) -> dict[str, str | None]:
    with session_scope(engine) as db:
        return {e.id: e.manager_id for e in db.exec(select(Employee))}


def test_a_one_row_file_cannot_close_a_manager_loop_through_stored_rows(org, tmp_path):
    """The reported attack: E0002's manager set to E0012 makes E0002 → E0012 → E0010 → E0002; refused, spelled out."""
    before = _managers(org)
    report = import_org(org, _files(tmp_path / "attack", EMPLOYEE_HEADER +
                                    "E0002,Boss,boss@x.com,corp,E0012,manager,CEO,U02,w02,2020-01-01\n"))
    assert not report.written
    assert any("E0002 → E0012 → E0010 → E0002" in str(p) for p in report.problems), report.problems
    assert _managers(org) == before


def test_a_loop_across_two_file_rows_and_a_stored_row_is_refused(org, tmp_path):
    """E0010 → E0099 (new) → E0012 (stored, reports to E0010): a loop no single row shows."""
    report = import_org(org, _files(tmp_path / "attack2", EMPLOYEE_HEADER +
                                    "E0099,New,new@x.com,rnd,E0012,employee,Dev,,,2024-01-01\n"
                                    "E0010,Lead,lead@x.com,rnd,E0099,manager,Lead,U10,w10,2021-01-01\n"))
    assert not report.written and any("→" in str(p) and "E0099" in str(p) for p in report.problems)


@pytest.mark.parametrize("column,value", [("slack_user_id", "U10"), ("wecom_userid", "w10"), ("email", "lead@x.com")])
def test_a_contact_id_already_used_by_another_employee_is_a_validation_line(org, tmp_path, column, value):
    """No IntegrityError: the file line says who already has the id, and nothing is written."""
    row = {"slack_user_id": "", "wecom_userid": "", "email": "new@x.com", column: value}
    report = import_org(org, _files(tmp_path / "dup", EMPLOYEE_HEADER + f"E0099,New,{row['email']},rnd,E0010,"
                                    f"employee,Dev,{row['slack_user_id']},{row['wecom_userid']},2024-01-01\n"))
    assert not report.written
    assert [str(p) for p in report.problems] == [f"employees.csv:2: {column} '{value}' is already used by E0010"]


def test_moving_a_contact_id_between_people_in_one_file_is_allowed(org, tmp_path):
    """E0010 gives up U10 and E0012 takes it, in the same file: the resulting chart is consistent."""
    report = import_org(org, _files(tmp_path / "swap", EMPLOYEE_HEADER +
                                    "E0010,Lead,lead@x.com,rnd,E0002,manager,Lead,U10b,w10,2021-01-01\n"
                                    "E0012,Dev,dev@x.com,rnd,E0010,employee,Dev,U10,w12,2022-01-01\n"))
    assert report.written, report.problems


def test_values_longer_than_their_column_are_validation_lines(org, tmp_path):
    """PostgreSQL would refuse a 65-character id at write time; the import says so per line instead."""
    report = import_org(org, _files(tmp_path / "long", EMPLOYEE_HEADER +
                                    f"{'E' * 65},New,new@x.com,rnd,E0010,employee,Dev,,,2024-01-01\n"))
    assert not report.written and "at most 64" in str(report.problems[0])


def test_a_dollar_sign_in_a_name_never_breaks_a_chart():
    """matplotlib would parse '$...' as mathtext and raise; names are drawn as plain text."""
    from hr.charts import completion_chart_png
    from hr.rules.rates import Rate
    from hr.services.reports import CompletionReport, ReportRow

    rows = [ReportRow(key="$x^{2$", label="研发部 $x^{2$", completion=Rate(1, 2)),
            ReportRow(key="a\\b $", label="$$", completion=Rate(2, 2))]
    report = CompletionReport(by="department", period="2026Q3 $", scope="all", total=Rate(3, 4), rows=rows)
    for lang in ("en", "zh"):
        assert completion_chart_png(report, lang, floor=0.9).startswith(b"\x89PNG")


def test_a_dollar_sign_in_a_name_never_breaks_the_per_period_chart():
    """The per-department trend chart draws HR's names in its legend as plain text too, and skips empty steps."""
    from hr.charts import matrix_chart_png
    from hr.rules.rates import Rate
    from hr.services.trends import CompletionMatrix

    matrix = CompletionMatrix("department", "quarter", "company", ["2026Q1", "2026Q2"], "2026Q2",
                              [("$x^{2$", "研发部 $x^{2$", [Rate(1, 2), Rate(0, 0)]), ("a\\b", "$$", [Rate(2, 2), Rate(1, 4)])])
    for lang in ("en", "zh"):
        assert matrix_chart_png(matrix, lang, floor=0.9).startswith(b"\x89PNG")
    assert matrix_chart_png(matrix, "en", label_of=lambda key, language: f"{key} {language}").startswith(b"\x89PNG")
