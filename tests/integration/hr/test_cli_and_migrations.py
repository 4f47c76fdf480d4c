"""The `mentor` HR commands end to end on a temp SQLite file, and the migration matching the models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel
from typer.testing import CliRunner

import hr.models  # noqa: F401  (registers the tables)
from adapters.cli.main import build_app
from tests.postgres_schema import fresh_postgres_schema

SAMPLE = Path(__file__).resolve().parents[3] / "hr" / "samples" / "org"


def test_cli_flow(tmp_path, monkeypatch):
    monkeypatch.setenv("MENTOR_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("MENTOR_DATABASE_URL", raising=False)
    app, runner = build_app(), CliRunner()
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0  # idempotent
    imported = runner.invoke(app, ["org", "import", str(SAMPLE), "--json"])
    assert imported.exit_code == 0, imported.output
    assert json.loads(imported.output)["written"] is True
    explained = runner.invoke(app, ["kpi", "explain", "--employee", "E0020", "--period", "2026Q3", "--json"])
    assert explained.exit_code == 0, explained.output
    data = json.loads(explained.output)
    assert data["subject_id"] == "E0020" and data["items"][2]["name"] == "training_points"
    dept = runner.invoke(app, ["kpi", "department", "sales", "--period", "2026Q3", "--lang", "en"])
    assert dept.exit_code == 0 and "Department completion rate" in dept.output
    chart = tmp_path / "c.png"
    report = runner.invoke(app, ["report", "completion", "--by", "department", "--period", "2026Q3", "--chart",
                                 str(chart)])
    assert report.exit_code == 0 and "sales" in report.output and chart.read_bytes()[:4] == b"\x89PNG"
    denied = runner.invoke(app, ["kpi", "explain", "--employee", "E0020", "--as", "E0030"])
    assert denied.exit_code == 2 and "forbidden" in denied.output
    enrolled = runner.invoke(app, ["enroll", "--employee", "E0001", "--course", "AI-101"])
    assert enrolled.exit_code == 0 and ("enrolled" in enrolled.output)
    progress = runner.invoke(app, ["progress", "--employee", "E0001", "--lang", "en"])
    assert progress.exit_code == 0 and "AI-101" in progress.output
    jobs = runner.invoke(app, ["jobs", "run-due", "--json"])
    assert jobs.exit_code == 0 and "marked_overdue" in jobs.output
    ran = json.loads(jobs.output)  # no Slack/WeCom configured: queued, never "sent"
    assert ran["sent"] == {} and ran["pending"] > 0 and "MENTOR_SLACK_BOT_TOKEN" in ran["delivery_off"]
    scheduled = runner.invoke(app, ["exam", "schedule", "--employee", "E0066", "--course", "SEC-101"])
    assert scheduled.exit_code == 0 and "opened: exam #1 SEC-101 for E0066, 10 questions" in scheduled.output
    recorded = runner.invoke(app, ["exam", "record", "--employee", "E0066", "--course", "SEC-101", "--score", "85",
                                   "--lang", "en"])
    assert recorded.exit_code == 0 and "attempt 1 of 2): 85" in recorded.output and "passed" in recorded.output
    refused = runner.invoke(app, ["exam", "record", "--employee", "E0066", "--course", "SEC-101", "--score", "90",
                                  "--as", "E0066"])
    assert refused.exit_code == 2 and "forbidden" in refused.output
    notices = runner.invoke(app, ["notices", "status", "--json"])
    assert notices.exit_code == 0 and json.loads(notices.output)["counts"] == {"pending": ran["pending"]}


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_migrations_match_every_model_table_and_index(backend, tmp_path):
    """Alembic is the only schema source: the migrated database equals the models, every table and index of every
    area (hr_, bot_, channels), compared with Alembic's own autogenerate diff."""
    import adapters.tables  # noqa: F401  (registers the channel tables)
    import bot.store.models  # noqa: F401  (registers the bot tables)
    from adapters.migrations.comparable import include_object
    from adapters.wiring import build_engine_at

    def diff_at(url: str) -> list:
        engine = build_engine_at(url)  # what every process does at start
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_object": include_object})
            found = compare_metadata(context, SQLModel.metadata)
        engine.dispose()
        return found

    if backend == "sqlite":
        diff = diff_at(f"sqlite:///{tmp_path / 'm.db'}")
    else:
        with fresh_postgres_schema() as url:
            diff = diff_at(url)
    assert diff == [], diff
    tables = set(SQLModel.metadata.tables)
    assert {"hr_employee", "hr_notification_log", "bot_turn", "bot_quiz_session", "channel_dedupe"} <= tables


def test_import_assigns_required_courses_to_new_hires(tmp_path, monkeypatch):
    import shutil

    monkeypatch.setenv("MENTOR_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("MENTOR_DATABASE_URL", raising=False)
    app, runner = build_app(), CliRunner()
    runner.invoke(app, ["db", "upgrade"])
    org = tmp_path / "org"
    shutil.copytree(SAMPLE, org)
    assert runner.invoke(app, ["org", "import", str(org)]).exit_code == 0
    with (org / "employees.csv").open("a", encoding="utf-8") as handle:
        handle.write("E9001,新人,new9001@example.com,rnd,E0002,employee,软件工程师,,,2026-11-20,,text\n")
    result = runner.invoke(app, ["org", "import", str(org), "--assign-required", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["hired_or_moved"] == 1 and data["auto_assigned"] == 3  # ONB-101, SEC-101, CMP-101 (SEC-201 waits)
    progress = runner.invoke(app, ["progress", "--employee", "E9001", "--lang", "en"])
    assert all(code in progress.output for code in ("ONB-101", "SEC-101", "CMP-101"))
