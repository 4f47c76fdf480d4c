"""Slack ack latency: waves of 50 concurrent signed events over real HTTP while earlier answers are still computing.

The app runs as `mentor serve` in its own process (SQLite dedupe, in-process worker, answers taking 0.5 s each),
pointed at a local fake Slack Web API; this process only sends events and times the HTTP round trips.
Target: p99 < 200 ms. Run: `.venv/bin/python -m eval.benchmarks.channel_slack_ack` (writes eval/results/channel_slack_ack.json).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
from slack_sdk.signature import SignatureVerifier

from adapters.fakes.slack_web_api import FakeSlackWebApi
from eval.benchmarks.channel_common import SLACK_SECRET, ServeProcess, WorkerProcess, percentile, write_result

TARGET_P99_MS = 200.0


def signed_event(event_id: str, ts: str) -> tuple[str, dict[str, str]]:
    """An app_mention envelope and its Slack signature headers."""
    body = json.dumps({"type": "event_callback", "event_id": event_id, "team_id": "T1", "event": {
        "type": "app_mention", "user": "U_KNOWN", "text": "<@UMENTORBOT> 年假有几天?", "channel": "C1", "ts": ts}})
    stamp = str(int(time.time()))
    signature = SignatureVerifier(SLACK_SECRET).generate_signature(timestamp=stamp, body=body)
    return body, {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature,
                  "Content-Type": "application/json"}


def run(waves: int = 4, concurrency: int = 50, answer_s: float = 0.5, redis_url: str | None = None) -> dict:
    """Send `waves` bursts of `concurrency` events; answers take `answer_s` each in the worker.

    Without redis_url: the default deployment (SQLite dedupe, in-process worker). With it: Redis dedupe, the arq
    queue and a separate `mentor worker` process (keys under a random prefix, removed afterwards).
    """
    run_id = uuid.uuid4().hex[:10]
    prefix = f"mentor-bench-{run_id}:"
    with tempfile.TemporaryDirectory() as home, FakeSlackWebApi() as fake:
        env = {"MENTOR_HOME": home, "MENTOR_DATABASE_URL": f"sqlite:///{home}/bench.db",
               "MENTOR_SLACK_BOT_TOKEN": "xoxb-bench", "MENTOR_SLACK_SIGNING_SECRET": SLACK_SECRET,
               "MENTOR_SLACK_API_URL": fake.url, "MENTOR_FAKE_CHAT_DELAY_S": str(answer_s),
               "MENTOR_API_WORKER_THREADS": "4", "MENTOR_API_REDIS_PREFIX": prefix}
        os.environ.pop("MENTOR_REDIS_URL", None)
        if redis_url:
            env["MENTOR_REDIS_URL"] = redis_url
        latencies: list[float] = []
        statuses: list[int] = []
        with contextlib.ExitStack() as stack:
            if redis_url:
                stack.callback(_remove_keys, redis_url, prefix)  # runs last, after the worker stopped
                stack.enter_context(WorkerProcess(env))
            server = stack.enter_context(ServeProcess(env))
            client = stack.enter_context(httpx.Client(base_url=server.url, timeout=10,
                                                      limits=httpx.Limits(max_connections=concurrency)))
            body, headers = signed_event(f"EvWarm{run_id}", "0.1")
            client.post("/slack/events", content=body, headers=headers)  # warm-up: bolt's first auth.test

            def send(i: int) -> tuple[int, float]:
                """One signed event; returns (status, ack milliseconds)."""
                body, headers = signed_event(f"EvAck{run_id}-{i}", f"{1700000000 + i}.0001")  # ids unique per run
                start = time.perf_counter()
                status = client.post("/slack/events", content=body, headers=headers).status_code
                return status, (time.perf_counter() - start) * 1000

            with ThreadPoolExecutor(max_workers=concurrency) as pool:
                list(pool.map(send, range(-concurrency, 0)))  # connection warm-up wave, not measured
                for wave in range(waves):
                    for status, ms in pool.map(send, range(wave * concurrency, (wave + 1) * concurrency)):
                        statuses.append(status)
                        latencies.append(ms)
            expected = (waves + 1) * concurrency + 1
            replies_when_acked = len(fake.calls_to("chat.postMessage"))
            fake.wait_for("chat.postMessage", expected, timeout=expected * answer_s / 4 + 60)
        replies = len(fake.calls_to("chat.postMessage"))
    p99 = percentile(latencies, 99)
    server_kind = ("mentor serve + mentor worker subprocesses, Redis dedupe, arq queue" if redis_url
                   else "mentor serve subprocess, SQLite dedupe, in-process worker (4 threads)")
    return {"events_measured": len(latencies), "concurrency": concurrency, "answer_seconds": answer_s,
            "server": server_kind,
            "replies_already_sent_when_last_ack_returned": replies_when_acked, "replies_total": replies,
            "expected_replies": expected, "status_200": statuses.count(200),
            "ack_ms": {"p50": round(percentile(latencies, 50), 1), "p95": round(percentile(latencies, 95), 1),
                       "p99": round(p99, 1), "max": round(max(latencies), 1)},
            "load_average_1m": round(os.getloadavg()[0], 2),
            "target_p99_ms": TARGET_P99_MS,
            "passed": p99 < TARGET_P99_MS and statuses.count(200) == len(statuses) and replies == expected}


def _remove_keys(redis_url: str, prefix: str) -> None:
    """Delete this run's dedupe and queue keys (arq's per-job keys expire on their own)."""
    import redis

    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(prefix + "*"):
        client.delete(key)
    client.close()


def main() -> None:
    """CLI entry."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--waves", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--answer-seconds", type=float, default=0.5)
    parser.add_argument("--redis", default=None, metavar="URL",
                        help="also measure the Redis deployment, e.g. redis://127.0.0.1:6379/15")
    args = parser.parse_args()
    result = {"default": run(args.waves, args.concurrency, args.answer_seconds)}
    if args.redis:
        result["redis"] = run(args.waves, args.concurrency, args.answer_seconds, redis_url=args.redis)
    result["passed"] = all(r["passed"] for r in result.values())
    print(json.dumps(result, indent=2, ensure_ascii=False))
    print("wrote", write_result("channel_slack_ack", result))


if __name__ == "__main__":
    main()
