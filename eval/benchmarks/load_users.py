"""A bounded load generator: N simulated users over loopback, each a closed loop of request -> think -> request.

Why our own: the two targets (chat p95 at 20 users, Slack ack p99 at 50 concurrent events) need signed Slack
bodies and per-user API tokens. Each user holds one keep-alive connection per API process (eval/benchmarks/raw_http.py,
on uvloop when installed), so the generator takes little of the cores it shares with the servers. Every run is
bounded in time and in requests and only ever talks to 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlparse

from slack_sdk.signature import SignatureVerifier

from eval.benchmarks.raw_http import Connection, HttpError
from eval.metrics import percentile


@dataclass
class Request:
    """What one simulated user sends next: path, body bytes and headers."""

    path: str
    body: bytes
    headers: dict[str, str]


@dataclass
class LoadResult:
    """Latencies (ms) and statuses of one run."""

    users: int
    seconds: float
    latencies_ms: list[float] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    errors: int = 0

    def summary(self) -> dict:
        """Throughput, percentiles and error rate, rounded for people."""
        done = len(self.latencies_ms)
        failed = self.errors + sum(1 for s in self.statuses if s >= 400)
        lat = self.latencies_ms or [float("nan")]
        return {"users": self.users, "requests": done + self.errors, "seconds": round(self.seconds, 1),
                "throughput_per_s": round(done / self.seconds, 1) if self.seconds else 0.0,
                "latency_ms": {"p50": round(percentile(lat, 50), 1), "p95": round(percentile(lat, 95), 1),
                               "p99": round(percentile(lat, 99), 1), "max": round(max(lat), 1)},
                "error_rate": round(failed / max(1, done + self.errors), 4)}


def loopback_only(urls: Sequence[str]) -> None:
    """Refuse any target that is not this machine."""
    for url in urls:
        host = urlparse(url).hostname or ""
        if not (host == "localhost" or host.startswith("127.") or host == "::1"):
            raise ValueError(f"load is only ever sent to loopback addresses, not {url}")


async def _user(number: int, urls: Sequence[str], make: Callable[[int, int], Request], think_s: float,
                deadline: float, max_requests: int, timeout_s: float, result: LoadResult, rng: random.Random) -> None:
    """One user: send, wait for the answer, think, repeat until the deadline or its share of requests is done."""
    connections = [Connection(url) for url in urls]
    sent = 0
    try:
        while time.monotonic() < deadline and sent < max_requests:
            request = make(number, sent)
            connection = connections[(number + sent) % len(urls)]  # round-robin over the API processes
            started = time.perf_counter()
            try:
                status = await connection.post(request.path, request.body, request.headers, timeout_s)
                result.latencies_ms.append((time.perf_counter() - started) * 1000)
                result.statuses.append(status)
            except HttpError:
                result.errors += 1
            sent += 1
            if think_s:
                await asyncio.sleep(think_s * rng.uniform(0.5, 1.5))
    finally:
        for connection in connections:
            await connection.close()


async def _run(urls: Sequence[str], users: int, make: Callable[[int, int], Request], think_s: float,
               duration_s: float, max_requests_per_user: int, timeout_s: float) -> LoadResult:
    """All users at once, each on its own connections."""
    result = LoadResult(users=users, seconds=0.0)
    started = time.monotonic()
    deadline = started + duration_s
    rng = random.Random(7)
    await asyncio.gather(*(_user(n, urls, make, think_s, deadline, max_requests_per_user, timeout_s, result,
                                 random.Random(rng.random())) for n in range(users)))
    result.seconds = time.monotonic() - started
    return result


def run_load(urls: Sequence[str], users: int, make: Callable[[int, int], Request], think_s: float = 1.0,
             duration_s: float = 30.0, max_requests_per_user: int = 200, timeout_s: float = 30.0) -> LoadResult:
    """Run one bounded load and return what was measured."""
    loopback_only(urls)
    return _event_loop_runner()(_run(urls, users, make, think_s, duration_s, max_requests_per_user, timeout_s))


def _event_loop_runner():
    """uvloop's run when installed (the same loop uvicorn serves on), else asyncio's."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run
    return uvloop.run


def chat_requests(tokens: Sequence[str], questions: Sequence[str], stride: int | None = None
                  ) -> Callable[[int, int], Request]:
    """POST /api/chat as user n (its own token and thread), cycling through real questions; with `stride` = the
    number of users, user n asks questions n, n + stride, ... (every question exactly once across users)."""
    def make(user: int, sent: int) -> Request:
        number = user + sent * stride if stride else user * 7 + sent
        body = json.dumps({"text": questions[number % len(questions)], "thread_id": f"load-{user}"})
        return Request("/api/chat", body.encode(), {"Authorization": f"Bearer {tokens[user % len(tokens)]}",
                                                    "Content-Type": "application/json"})
    return make


def slack_requests(secret: str, slack_users: Sequence[str], questions: Sequence[str], run_id: str,
                   bot_user: str = "UMENTORBOT") -> Callable[[int, int], Request]:
    """Signed app_mention events (unique event ids per run) as the given Slack users."""
    verifier = SignatureVerifier(secret)

    def make(user: int, sent: int) -> Request:
        text = f"<@{bot_user}> {questions[(user * 5 + sent) % len(questions)]}"
        body = json.dumps({"type": "event_callback", "event_id": f"Ev{run_id}-{user}-{sent}", "team_id": "T1",
                           "event": {"type": "app_mention", "user": slack_users[user % len(slack_users)],
                                     "text": text, "channel": "C1", "ts": f"{1700000000 + user}.{sent:06d}"}})
        stamp = str(int(time.time()))
        return Request("/slack/events", body.encode(), {
            "X-Slack-Request-Timestamp": stamp, "Content-Type": "application/json",
            "X-Slack-Signature": verifier.generate_signature(timestamp=stamp, body=body)})
    return make
