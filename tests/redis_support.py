"""The local Redis the tests share (DB 15 unless MENTOR_TEST_REDIS_URL says otherwise), defined once."""

from __future__ import annotations

import os

import pytest

REDIS_URL = os.environ.get("MENTOR_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def connect_or_skip():
    """A client to the test Redis, or a skip that says how to get one (tests needing Redis never fail for its lack)."""
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.ConnectionError:
        client.close()
        pytest.skip(f"no Redis at {REDIS_URL}; start redis-server or set MENTOR_TEST_REDIS_URL")
    return client
