"""`mentor chat` with piped input and `mentor ask --json`, as real subprocesses over the test world."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow


def run_mentor(args: list[str], home, db_path, stdin: str = "") -> subprocess.CompletedProcess:
    """Run the mentor CLI with the test index and database."""
    env = {**os.environ, "MENTOR_HOME": str(home), "MENTOR_DATABASE_URL": f"sqlite:///{db_path}",
           "MENTOR_LLM_BASE_URL": "", "HF_HUB_OFFLINE": "1"}
    return subprocess.run([sys.executable, "-c", "from adapters.cli.main import run; run()", *args], input=stdin,
                          capture_output=True, text=True, env=env, timeout=240)


def test_chat_reads_piped_lines_and_exits(kb_index, kb_home, engine):
    db_path = engine.url.database
    done = run_mentor(["chat", "--as", "E0056", "--json"], kb_home, db_path, "你好\n\n我的学习进度\nwhat's my KPI?\n")
    assert done.returncode == 0, done.stderr[-2000:]
    replies = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    assert len(replies) == 3
    assert replies[0]["tools"] == [] and "Mentor" in replies[0]["answer"]
    assert replies[1]["tools"][0]["name"] == "my_progress" and replies[1]["private"]
    assert replies[2]["tools"][0]["name"] == "explain_kpi" and replies[2]["mode"] == "offline"


def test_ask_json_runs_one_turn(kb_index, kb_home, engine):
    done = run_mentor(["ask", "年假有几天？", "--as", "E0056", "--json"], kb_home, engine.url.database)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert set(result) >= {"answer", "citations", "abstained", "private", "tools", "mode"}
    assert result["tools"] == [{"name": "search_knowledge", "args": {"question": "年假有几天？"}, "ok": True}]
    assert result["citations"] and set(result["citations"][0]) == {"n", "source", "title", "heading", "chunk_id", "text"}


def test_report_trend_and_exams_print_the_services_figures(kb_index, kb_home, engine, hr_service, tmp_path):
    """`mentor report trend` (JSON and a chart) and `mentor report exams` (English text); an employee is refused."""
    db_path, chart = engine.url.database, tmp_path / "trend.png"
    trend = run_mentor(["report", "trend", "--by", "quarter", "--period", "2026", "--json", "--chart", str(chart)],
                       kb_home, db_path)
    assert trend.returncode == 0, trend.stderr[-2000:]
    points = json.loads(trend.stdout)["points"]
    assert [p["period"] for p in points][0] == "2026Q1" and all("numerator" in p for p in points)
    assert chart.read_bytes().startswith(b"\x89PNG")
    exams = run_mentor(["report", "exams", "--period", "2026", "--lang", "en"], kb_home, db_path)
    assert exams.returncode == 0 and "Lowest pass rate:" in exams.stdout, exams.stderr[-2000:]
    refused = run_mentor(["report", "trend", "--as", "E0012", "--lang", "en"], kb_home, db_path)
    assert refused.returncode == 2 and "forbidden" in refused.stderr
