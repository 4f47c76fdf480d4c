"""The shared dedupe store (database and Redis) and hashed API tokens."""

from __future__ import annotations

import threading
import uuid

import pytest

from adapters.api.tokens import TokenStore, hash_token
from adapters.dedupe import RedisDedupeStore, SqlDedupeStore
from adapters.tables import ApiToken, ensure_channel_tables
from hr.db import make_engine, session_scope


@pytest.fixture
def engine(tmp_path):
    """A fresh SQLite file with the channel tables."""
    engine = make_engine(f"sqlite:///{tmp_path / 'd.db'}")
    ensure_channel_tables(engine)
    return engine


def test_sql_store_claims_once_even_under_concurrent_retries(engine):
    """Sql store claims once even under concurrent retries."""
    store = SqlDedupeStore(engine)
    results: list[bool] = []
    lock = threading.Lock()

    def claim():
        """One retry racing the others."""
        ok = store.claim("Ev1")
        with lock:
            results.append(ok)

    threads = [threading.Thread(target=claim) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert sorted(results) == [False] * 7 + [True]
    assert store.seen("Ev1") and not store.seen("Ev2")
    store.release("Ev1")
    assert store.claim("Ev1")


def test_sql_store_purges_old_keys(engine):
    """Sql store purges old keys."""
    store = SqlDedupeStore(engine, ttl_s=0)
    store.claim("old")
    assert store.purge() == 1 and not store.seen("old")


def test_two_sql_stores_on_one_database_share_claims(engine):
    """Two sql stores on one database share claims."""
    assert SqlDedupeStore(engine).claim("shared") and not SqlDedupeStore(engine).claim("shared")


def test_redis_store_claims_once_and_cleans_up(redis_client):
    """Redis store claims once and cleans up."""
    prefix = f"mentor-test-{uuid.uuid4().hex}:"
    a, b = RedisDedupeStore(redis_client, prefix, ttl_s=60), RedisDedupeStore(redis_client, prefix, ttl_s=60)
    try:
        assert a.claim("Ev1") and not b.claim("Ev1") and b.seen("Ev1")
        assert 0 < redis_client.ttl(prefix + "dedupe:Ev1") <= 60
        a.release("Ev1")
        assert b.claim("Ev1")
    finally:
        for key in redis_client.scan_iter(prefix + "*"):
            redis_client.delete(key)


def test_tokens_are_stored_hashed_and_resolve_to_their_employee(engine):
    """Tokens are stored hashed and resolve to their employee."""
    store = TokenStore(engine)
    token = store.create("E0001", label="laptop")
    assert token.startswith("mtr_") and len(token) > 40
    with session_scope(engine) as session:
        row = session.query(ApiToken).one()
    assert row.token_hash == hash_token(token) and token not in row.token_hash
    assert store.employee_for(token) == "E0001"
    assert store.employee_for(token + "x") is None and store.employee_for("Bearer junk") is None


def test_token_needs_an_employee(engine):
    """Token needs an employee."""
    with pytest.raises(ValueError, match="employee id"):
        TokenStore(engine).create("  ")
