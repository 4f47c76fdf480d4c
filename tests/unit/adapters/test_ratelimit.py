"""The per-member WeCom cap waits (queues) instead of dropping; checked in virtual time."""

from __future__ import annotations

from adapters.wecom.ratelimit import MemberRateLimiter


class VirtualTime:
    """A clock that only moves when the limiter sleeps."""

    def __init__(self) -> None:
        """Start at zero."""
        self.now = 0.0
        self.slept: list[float] = []

    def clock(self) -> float:
        """Current virtual time."""
        return self.now

    def sleep(self, seconds: float) -> None:
        """Advance instead of sleeping."""
        self.slept.append(seconds)
        self.now += seconds


def test_31st_message_in_a_minute_waits_for_the_window_and_nothing_is_dropped():
    """31st message in a minute waits for the window and nothing is dropped."""
    t = VirtualTime()
    limiter = MemberRateLimiter(per_minute=30, per_hour=1000, clock=t.clock, sleep=t.sleep)
    waits = [limiter.acquire("u1") for _ in range(31)]
    assert waits[:30] == [0.0] * 30 and waits[30] == 60.0
    assert limiter.acquire("u2") == 0.0  # members are independent


def test_hourly_cap_applies_too():
    """Hourly cap applies too."""
    t = VirtualTime()
    limiter = MemberRateLimiter(per_minute=1000, per_hour=3, clock=t.clock, sleep=t.sleep)
    for _ in range(3):
        limiter.acquire("u1")
        t.now += 1
    assert limiter.acquire("u1") == 3600.0 - 3


def test_redis_limiter_shares_the_cap_between_two_workers():
    """Two worker processes (two limiter objects) on one Redis count the same member's sends together."""
    import os
    import uuid

    import pytest
    import redis

    from adapters.wecom.ratelimit import RedisMemberRateLimiter

    client = redis.Redis.from_url(os.environ.get("MENTOR_TEST_REDIS_URL", "redis://127.0.0.1:6379/15"),
                                  socket_connect_timeout=1)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.skip("no local Redis; start redis-server or set MENTOR_TEST_REDIS_URL")
    prefix = f"mentor-test-{uuid.uuid4().hex[:10]}:"
    t = VirtualTime()
    t.now = 1_700_000_000.0
    workers = [RedisMemberRateLimiter(client, prefix, per_minute=3, per_hour=100, clock=t.clock, sleep=t.sleep)
               for _ in range(2)]
    try:
        with workers[0].member_lock("u1"):
            waits = [workers[n % 2].acquire("u1") for n in range(4)]
        assert waits[:3] == [0.0, 0.0, 0.0] and waits[3] == 60.0
    finally:
        for key in client.scan_iter(prefix + "*"):
            client.delete(key)
        client.close()
