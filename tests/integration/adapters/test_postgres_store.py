"""The channel tables on PostgreSQL: the Alembic migration, dedupe across two engines (two replicas), tokens."""

from __future__ import annotations

import threading

import pytest

from adapters.api.tokens import TokenStore
from adapters.dedupe import SqlDedupeStore
from adapters.feedback import FeedbackStore
from hr.db import make_engine
from tests.postgres_schema import migrated_postgres_schema

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def postgres_url():
    """A fresh schema migrated to heads (all branches, channels included), dropped at the end."""
    with migrated_postgres_schema() as url:
        yield url


def test_two_replicas_claim_each_event_once(postgres_url):
    """Two replicas claim each event once."""
    engines = [make_engine(postgres_url), make_engine(postgres_url)]
    stores = [SqlDedupeStore(e) for e in engines]
    wins: list[str] = []
    lock = threading.Lock()

    def deliver(store: SqlDedupeStore, event_id: str) -> None:
        """One delivery reaching one replica."""
        if store.claim(event_id):
            with lock:
                wins.append(event_id)

    threads = [threading.Thread(target=deliver, args=(stores[n % 2], f"Ev{n % 10}")) for n in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(wins) == sorted(f"Ev{i}" for i in range(10))
    for e in engines:
        e.dispose()


def test_tokens_and_feedback_on_postgres(postgres_url):
    """Tokens and feedback on postgres."""
    engine = make_engine(postgres_url)
    tokens = TokenStore(engine)
    token = tokens.create("E0001")
    assert tokens.employee_for(token) == "E0001"
    feedback = FeedbackStore(engine)
    feedback.record("E0001", "slack", "Ev1", True)
    assert feedback.count(helpful=True) == 1
    engine.dispose()
