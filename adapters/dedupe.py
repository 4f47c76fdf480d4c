"""A store every replica shares that says "first time" exactly once per platform event id (retries get False)."""

from __future__ import annotations

import contextlib
import logging
import threading
from datetime import timedelta
from typing import Protocol

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from adapters.tables import ChannelDedupe, utcnow
from hr.db import session_scope

log = logging.getLogger(__name__)


class DedupeStore(Protocol):
    """Claim a key once; every later claim of the same key, from any process, returns False."""

    def claim(self, key: str) -> bool:
        """True the first time this key is seen, False on every retry."""
        ...

    def seen(self, key: str) -> bool:
        """True when the key was claimed before (used to remember threads the bot answered in)."""
        ...

    def release(self, key: str) -> None:
        """Forget a claim whose work could not be queued, so the platform's retry is accepted."""
        ...


class SqlDedupeStore:
    """Dedupe through a primary key in the shared database (SQLite or PostgreSQL): the insert either wins or fails."""

    def __init__(self, engine, ttl_s: int = 86400) -> None:
        """Keep the engine; rows older than ttl_s are purged now and then."""
        self._engine = engine
        self._ttl = timedelta(seconds=ttl_s)
        self._claims = 0
        # SQLite has one writer: threads of this process queue on a mutex instead of SQLite's busy handler,
        # whose sleeps (1, 2, 5, 10... ms) would dominate the ack latency under concurrent events.
        self._write_lock = threading.Lock() if engine.dialect.name == "sqlite" else contextlib.nullcontext()

    def claim(self, key: str) -> bool:
        """One INSERT ... ON CONFLICT DO NOTHING RETURNING key (no ORM: this runs on Slack's ack path); no row = seen."""
        try:
            with self._write_lock, self._engine.begin() as conn:
                inserted = conn.execute(self._insert(key[:200])).first() is not None
        except IntegrityError:  # dialects without ON CONFLICT fall back to the primary-key violation
            return False
        if not inserted:
            return False
        self._claims += 1
        if self._claims % 1000 == 0:
            self.purge()
        return True

    def _insert(self, key: str):
        """The dialect's insert-if-absent statement, RETURNING the key only when this call inserted it."""
        table = ChannelDedupe.__table__
        values = {"key": key, "created_at": utcnow()}
        dialect = self._engine.dialect.name
        if dialect in ("sqlite", "postgresql"):
            module = __import__(f"sqlalchemy.dialects.{dialect}", fromlist=["insert"])
            return module.insert(table).values(**values).on_conflict_do_nothing().returning(table.c.key)
        return table.insert().values(**values).returning(table.c.key)

    def seen(self, key: str) -> bool:
        """Look the key up without claiming it."""
        with session_scope(self._engine) as session:
            return session.get(ChannelDedupe, key[:200]) is not None

    def release(self, key: str) -> None:
        """Delete the row."""
        with session_scope(self._engine, write=True) as session:
            session.exec(delete(ChannelDedupe).where(ChannelDedupe.key == key[:200]))

    def purge(self) -> int:
        """Forget keys older than the TTL so the table stays small."""
        with session_scope(self._engine, write=True) as session:
            result = session.exec(delete(ChannelDedupe).where(ChannelDedupe.created_at < utcnow() - self._ttl))
            return result.rowcount or 0


def redis_dedupe_key(prefix: str, key: str) -> str:
    """Where a claim lives in Redis (shared by the synchronous store and the event-loop intake)."""
    return prefix + "dedupe:" + key


class RedisDedupeStore:
    """Dedupe with Redis `SET key 1 NX EX ttl`: atomic across every API process, expires by itself."""

    def __init__(self, redis_client, prefix: str = "mentor:", ttl_s: int = 86400) -> None:
        """Take a synchronous redis client (built by the composition root, never at import)."""
        self._redis = redis_client
        self._prefix = prefix
        self._ttl = ttl_s

    def claim(self, key: str) -> bool:
        """SET NX returns None when the key already exists."""
        return bool(self._redis.set(redis_dedupe_key(self._prefix, key), b"1", nx=True, ex=self._ttl))

    def seen(self, key: str) -> bool:
        """EXISTS without claiming."""
        return bool(self._redis.exists(redis_dedupe_key(self._prefix, key)))

    def release(self, key: str) -> None:
        """DEL the key."""
        self._redis.delete(redis_dedupe_key(self._prefix, key))


def build_dedupe_store(settings, engine) -> DedupeStore:
    """Redis when MENTOR_REDIS_URL is set (several replicas), else the shared database."""
    if settings.redis_url:
        import redis

        client = redis.Redis.from_url(settings.redis_url)
        log.info("dedupe store: redis")
        return RedisDedupeStore(client, prefix=settings.api.redis_prefix, ttl_s=settings.api.dedupe_ttl_s)
    log.info("dedupe store: database")
    return SqlDedupeStore(engine, ttl_s=settings.api.dedupe_ttl_s)
