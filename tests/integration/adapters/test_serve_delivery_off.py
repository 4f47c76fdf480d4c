"""`mentor serve` with no Slack or WeCom, as a new user starts it: the schema comes from Alembic alone, the log says
once at start that delivery is off and why, and the reminder job leaves overdue notices pending (never "sent")."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from tests.integration.adapters.test_two_processes_redis import free_port, wait_healthy

MENTOR = Path(sys.executable).with_name("mentor")
SAMPLE_ORG = Path(__file__).resolve().parents[3] / "hr" / "samples" / "org"

pytestmark = pytest.mark.slow


def test_serve_without_channels_queues_reminders_and_says_why_once(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MENTOR_SLACK", "MENTOR_WECOM", "MENTOR_REDIS",
                                                                     "MENTOR_DATABASE"))}
    env.update({"MENTOR_HOME": str(tmp_path), "MENTOR_API_REMINDER_INTERVAL_S": "1", "OMP_NUM_THREADS": "1"})
    imported = subprocess.run([str(MENTOR), "org", "import", str(SAMPLE_ORG)], env=env, capture_output=True, text=True,
                              timeout=300)
    assert imported.returncode == 0, imported.stderr
    port = free_port()
    log_path = tmp_path / "serve.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen([str(MENTOR), "serve", "--port", str(port)], env=env, stdout=log,
                                stderr=subprocess.STDOUT)
        try:
            wait_healthy(f"http://127.0.0.1:{port}", proc, timeout=180)
            ready = httpx.get(f"http://127.0.0.1:{port}/ready", timeout=5).json()
            deadline = time.monotonic() + 60
            pending = 0
            while time.monotonic() < deadline and not pending:  # the in-process reminder job runs every second
                time.sleep(1)
                pending = _count(tmp_path, "status = 'pending'")
            time.sleep(2)  # a few more runs: nothing may turn into "sent"
        finally:
            proc.terminate()
            proc.wait(30)
    output = log_path.read_text(encoding="utf-8", errors="replace")
    warnings = [line for line in output.splitlines() if "notification delivery is off" in line]
    assert len(warnings) == 1, output[-3000:]
    assert "MENTOR_SLACK_BOT_TOKEN" in warnings[0] and "MENTOR_WECOM_CORP_ID" in warnings[0]
    assert "delivery OFF" in output and "delivery OFF" in str(ready)
    assert pending > 0 and _count(tmp_path, "status = 'sent'") == 0
    engine = create_engine(f"sqlite:///{tmp_path / 'mentor.db'}")
    with engine.connect() as conn:  # Alembic made the schema: its version table and the index create_all lacked
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() >= 3
        assert conn.execute(text("SELECT name FROM sqlite_master WHERE name = 'ix_bot_turn_thread'")).scalar()
    engine.dispose()


def _count(home: Path, condition: str) -> int:
    """Outbox rows matching a condition, read straight from the SQLite file."""
    engine = create_engine(f"sqlite:///{home / 'mentor.db'}")
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(f"SELECT count(*) FROM hr_notification_log WHERE {condition}")).scalar())
    finally:
        engine.dispose()
