"""The channel tables on PostgreSQL: the Alembic migration, dedupe across two engines (two replicas), tokens."""

from __future__ import annotations

import os
import threading
import uuid

import pytest
from sqlalchemy import create_engine, text

from adapters.api.tokens import TokenStore
from adapters.dedupe import SqlDedupeStore
from adapters.feedback import FeedbackStore
from adapters.migrations.runner import upgrade_to_heads
from hr.db import make_engine

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def postgres_url():
    """A fresh schema migrated to heads (all branches, channels included), dropped at the end."""
    base = os.environ.get("MENTOR_TEST_POSTGRES_URL")
    if not base:
        pytest.skip("MENTOR_TEST_POSTGRES_URL is not set (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)")
    schema = f"mentor_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    try:
        upgrade_to_heads(url)
        yield url
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


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
