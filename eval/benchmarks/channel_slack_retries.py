"""Exactly-once replies: 500 Slack events, each delivered once and retried 3 times (shuffled, concurrent).

Target: exactly 500 chat.postMessage calls, one per event. Run: `.venv/bin/python -m eval.benchmarks.channel_slack_retries`.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from adapters.api.app import create_app
from adapters.fakes.chat import ScriptedChat, StaticDirectory
from adapters.fakes.live_server import LiveServer
from adapters.fakes.slack_web_api import FakeSlackWebApi
from eval.benchmarks.channel_common import bench_settings, channels_for, write_result
from eval.benchmarks.channel_slack_ack import signed_event


def run(events: int = 500, retries: int = 3, concurrency: int = 20, seed: int = 7) -> dict:
    """Deliver every event 1 + `retries` times in a shuffled order over real HTTP; count the replies."""
    chat = ScriptedChat()
    deliveries = [(i, attempt) for i in range(events) for attempt in range(retries + 1)]
    random.Random(seed).shuffle(deliveries)
    with tempfile.TemporaryDirectory() as home, FakeSlackWebApi() as fake:
        settings = bench_settings(Path(home), slack_url=fake.url)
        channels = channels_for(settings, chat, StaticDirectory(slack={"U_KNOWN": "E0001"}))
        started = time.perf_counter()
        with LiveServer(create_app(settings, channels)) as server, \
                httpx.Client(base_url=server.url, timeout=30,
                             limits=httpx.Limits(max_connections=concurrency)) as client:

            def deliver(item: tuple[int, int]) -> int:
                """One delivery (attempt 0 is the original, the rest carry retry headers)."""
                i, attempt = item
                body, headers = signed_event(f"EvRetry{i}", f"{1700000000 + i}.0001")
                if attempt:
                    headers = {**headers, "X-Slack-Retry-Num": str(attempt), "X-Slack-Retry-Reason": "http_timeout"}
                return client.post("/slack/events", content=body, headers=headers).status_code

            with ThreadPoolExecutor(max_workers=concurrency) as pool:
                statuses = Counter(pool.map(deliver, deliveries))
            channels.queue.wait_idle(timeout=120)
        elapsed = time.perf_counter() - started
        posts = fake.calls_to("chat.postMessage")
        per_thread = Counter(p.body.get("thread_ts") for p in posts)
        channels.close()
    return {"events": events, "deliveries": len(deliveries), "retries_per_event": retries,
            "http_status": dict(statuses), "replies": len(posts), "events_answered": len(per_thread),
            "events_answered_more_than_once": sum(1 for n in per_thread.values() if n > 1),
            "seconds": round(elapsed, 1), "passed": len(posts) == events and len(per_thread) == events}


def main() -> None:
    """CLI entry."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--retries", type=int, default=3)
    args = parser.parse_args()
    result = run(args.events, args.retries)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    print("wrote", write_result("channel_slack_retries", result))


if __name__ == "__main__":
    main()
