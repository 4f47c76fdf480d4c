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
