"""WeCom's per-member send cap (30 a minute, 1,000 an hour per app): wait for a slot, never drop a message."""

from __future__ import annotations

import threading
import time
import uuid
from collections import defaultdict, deque
from collections.abc import Callable


class MemberRateLimiter:
    """Sliding windows per member; acquire() blocks until sending one more message stays within both caps."""

    def __init__(self, per_minute: int = 30, per_hour: int = 1000, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        """Clock and sleep are injectable so tests run in virtual time."""
        self._windows = ((60.0, per_minute), (3600.0, per_hour))
        self._sent: dict[str, deque[float]] = defaultdict(deque)
        self._locks: dict[str, threading.Lock] = defaultdict(threading.Lock)
        self._guard = threading.Lock()
        self._clock = clock
        self._sleep = sleep

    def member_lock(self, member: str) -> threading.Lock:
        """One lock per member: a reply's parts go out in order even with several worker threads."""
        with self._guard:
            return self._locks[member]

    def wait_needed(self, member: str) -> float:
        """Seconds until one more message to this member is allowed (0 when it is allowed now)."""
        now = self._clock()
        sent = self._sent[member]
        while sent and now - sent[0] >= 3600.0:
            sent.popleft()
        wait = 0.0
        for span, cap in self._windows:
            recent = [t for t in sent if now - t < span]
            if len(recent) >= cap:
                wait = max(wait, recent[-cap] + span - now)
        return wait

    def acquire(self, member: str) -> float:
        """Wait (queue) until a slot is free, record the send, return how long we waited."""
        waited = 0.0
        while (wait := self.wait_needed(member)) > 0:
            self._sleep(wait)
            waited += wait
        self._sent[member].append(self._clock())
        return waited


class RedisMemberRateLimiter:
    """The same caps shared by every worker process: a Redis sorted set of send times and a Redis lock per member."""

    def __init__(self, redis_client, prefix: str = "mentor:", per_minute: int = 30, per_hour: int = 1000,
                 clock: Callable[[], float] = time.time, sleep: Callable[[float], None] = time.sleep) -> None:
        """Wall-clock time (shared across hosts); clock and sleep injectable for tests."""
        self._redis = redis_client
        self._prefix = prefix + "wecom-rate:"
        self._windows = ((60.0, per_minute), (3600.0, per_hour))
        self._clock = clock
        self._sleep = sleep

    def member_lock(self, member: str):
        """A Redis lock (auto-expiring after 10 minutes) so one member's parts never interleave across workers."""
        return self._redis.lock(self._prefix + "lock:" + member, timeout=600, blocking_timeout=600)

    def wait_needed(self, member: str) -> float:
        """Seconds until one more message to this member is allowed."""
        key = self._prefix + member
        now = self._clock()
        self._redis.zremrangebyscore(key, 0, now - 3600.0)
        wait = 0.0
        for span, cap in self._windows:
            recent = [score for _, score in self._redis.zrangebyscore(key, now - span, "+inf", withscores=True)]
            if len(recent) >= cap:
                wait = max(wait, recent[-cap] + span - now)
        return wait

    def acquire(self, member: str) -> float:
        """Wait for a slot (queue, never drop), then record this send; call while holding member_lock."""
        waited = 0.0
        while (wait := self.wait_needed(member)) > 0:
            self._sleep(wait)
            waited += wait
        now = self._clock()
        key = self._prefix + member
        self._redis.zadd(key, {f"{now:.6f}:{uuid.uuid4().hex[:8]}": now})
        self._redis.expire(key, 3700)
        return waited
