"""HR integration fixtures: a migrated database per backend (SQLite file, and Postgres in a fresh schema when
MENTOR_TEST_POSTGRES_URL is set), emptied before each test, plus the hand-built organisation in seed.py."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from adapters.migrations.runner import upgrade_to_heads
from hr.db import make_engine
from hr.policy import load_policy
from hr.service import HRService
from tests.fakes.notifier import RecordingNotifier
from tests.integration.hr import seed
from tests.postgres_schema import migrated_postgres_schema

HR_TABLES = ["hr_notification_log", "hr_progress_event", "hr_exam_sitting", "hr_exam_attempt", "hr_practice_attempt", "hr_survey_response",
             "hr_performance_record", "hr_enrollment", "hr_course_session", "hr_course", "hr_employee",
             "hr_department"]
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory) -> str:
    """A migrated SQLite file shared by the session (tables are emptied per test)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('hrdb') / 'hr.db'}"
    upgrade_to_heads(url)
    return url


@pytest.fixture(scope="session")
def postgres_url():
    """A fresh schema in the shared test database, migrated, dropped at the end."""
    with migrated_postgres_schema() as url:
        yield url


@pytest.fixture(params=BACKENDS)
def engine(request):
    """An empty, migrated database on each backend."""
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")
    eng = make_engine(url)
    with eng.begin() as conn:
        for table in HR_TABLES:
            conn.execute(text(f"DELETE FROM {table}"))
    yield eng
    eng.dispose()


@pytest.fixture
def seeded(engine):
    """The engine with the hand-built organisation loaded."""
    seed.load(engine)
    return engine


@pytest.fixture
def notifier() -> RecordingNotifier:
    """A notifier that records what was sent."""
    return RecordingNotifier()


@pytest.fixture
def policy():
    """The bundled default policy."""
    return load_policy()


class Clock:
    """A settable clock (aware UTC)."""

    def __init__(self, now: datetime) -> None:
        """Start at a fixed moment."""
        self.now = now

    def __call__(self) -> datetime:
        """The current fake time."""
        return self.now


@pytest.fixture
def clock() -> Clock:
    """10:00 in Shanghai on 2026-03-25 (outside quiet hours)."""
    return Clock(datetime(2026, 3, 25, 2, 0, tzinfo=UTC))


@pytest.fixture
def hr(seeded, policy, notifier, clock) -> HRService:
    """The service over the seeded database."""
    return HRService(seeded, policy, notifier=notifier, clock=clock)
