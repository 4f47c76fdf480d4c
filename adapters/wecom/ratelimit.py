"""WeCom's per-member send cap (30 a minute, 1,000 an hour per app): wait for a slot, never drop a message."""

from __future__ import annotations

import threading
import time
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
