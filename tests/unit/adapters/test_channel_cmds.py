"""The channel commands: tokens are printed once, and misconfiguration fails with a message that says what to do."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from adapters.cli.main import build_app


@pytest.fixture
def runner(tmp_path, monkeypatch):
    """A CLI runner with MENTOR_HOME in tmp_path and no channel or Redis settings."""
    monkeypatch.setenv("MENTOR_HOME", str(tmp_path))
    for name in ("MENTOR_REDIS_URL", "MENTOR_SLACK_APP_TOKEN", "MENTOR_SLACK_BOT_TOKEN", "MENTOR_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    return CliRunner()


def _one_employee(tmp_path) -> None:
    """A migrated database holding employee E0001 (tokens are only issued to people HR knows)."""
    from adapters.migrations.runner import upgrade_to_heads
    from hr.db import make_engine, session_scope
    from hr.models import Department, Employee

    url = f"sqlite:///{tmp_path / 'mentor.db'}"
    upgrade_to_heads(url)
    with session_scope(make_engine(url), write=True) as db:
        db.add(Department(id="corp", name="HQ"))
        db.flush()
        db.add(Employee(id="E0001", name="Li", department_id="corp", role="employee"))


def test_tokens_create_prints_a_token_that_authenticates(runner, tmp_path):
    """Tokens create prints a token that authenticates."""
    _one_employee(tmp_path)
    result = runner.invoke(build_app(), ["tokens", "create", "--employee", "E0001"])
    assert result.exit_code == 0, result.output
    token = result.stdout.strip().splitlines()[0]
    from adapters.api.tokens import TokenStore
    from hr.db import make_engine

    store = TokenStore(make_engine(f"sqlite:///{tmp_path / 'mentor.db'}"))
    assert store.employee_for(token) == "E0001"
    revoked = runner.invoke(build_app(), ["tokens", "revoke", "--employee", "E0001"])
    assert revoked.exit_code == 0 and "revoked 1 token" in revoked.stdout
    assert store.employee_for(token) is None


def test_worker_without_redis_explains_itself(runner):
    """Worker without redis explains itself."""
    result = runner.invoke(build_app(), ["worker"])
    assert result.exit_code != 0 and "MENTOR_REDIS_URL" in result.output


def test_socket_mode_needs_an_app_token(runner):
    """Socket mode needs an app token."""
    result = runner.invoke(build_app(), ["slack", "--socket"])
    assert result.exit_code != 0 and "MENTOR_SLACK_APP_TOKEN" in result.output
    assert runner.invoke(build_app(), ["slack"]).exit_code != 0
