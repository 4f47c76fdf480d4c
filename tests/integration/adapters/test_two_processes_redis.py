"""Two `mentor serve` processes and one `mentor worker` on the local Redis: retries spread over both APIs, one reply."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest

from adapters.fakes.slack_web_api import BOT_USER_ID, FakeSlackWebApi
from tests.integration.adapters.conftest import SLACK_SECRET, event_body, signed_headers
from tests.redis_support import REDIS_URL

MENTOR = Path(sys.executable).with_name("mentor")
SERVICES = "adapters.fakes.chat:scripted_backends"

pytestmark = pytest.mark.slow


def free_port() -> int:
    """A port the OS says is free right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, timeout: float = 60.0) -> None:
    """Poll /health (bounded) until the process answers."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"process exited early with {process.returncode}")
        try:
            if httpx.get(url + "/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} not healthy after {timeout}s")


def test_retries_across_two_api_processes_give_one_reply(tmp_path, redis_client):
    """Retries across two api processes give one reply."""
    prefix = f"mentor-test-{uuid.uuid4().hex[:12]}:"
    run = uuid.uuid4().hex[:8]
    with FakeSlackWebApi() as fake, open(tmp_path / "procs.log", "wb") as log:
        env = {**os.environ, "MENTOR_HOME": str(tmp_path), "MENTOR_REDIS_URL": REDIS_URL,
               "MENTOR_API_REDIS_PREFIX": prefix, "MENTOR_SLACK_BOT_TOKEN": "xoxb-test",
               "MENTOR_SLACK_SIGNING_SECRET": SLACK_SECRET, "MENTOR_SLACK_API_URL": fake.url,
               "MENTOR_DATABASE_URL": f"sqlite:///{tmp_path / 'shared.db'}"}
        ports = [free_port(), free_port()]
        procs = [subprocess.Popen([str(MENTOR), "serve", "--port", str(p), "--services", SERVICES], env=env,
                                  stdout=log, stderr=subprocess.STDOUT) for p in ports]
        procs.append(subprocess.Popen([str(MENTOR), "worker", "--services", SERVICES], env=env, stdout=log,
                                      stderr=subprocess.STDOUT))
        try:
            urls = [f"http://127.0.0.1:{p}" for p in ports]
            for url, proc in zip(urls, procs, strict=False):
                wait_healthy(url, proc)
            assert httpx.get(urls[0] + "/ready", timeout=5).json()["checks"]["redis"] == "ok"
            first = event_body({"type": "app_mention", "user": "U_KNOWN", "text": f"<@{BOT_USER_ID}> 年假?",
                                "channel": "C1", "ts": "1.1"}, event_id=f"EvA{run}")
            second = event_body({"type": "app_mention", "user": "U_KNOWN", "text": f"<@{BOT_USER_ID}> 病假?",
                                 "channel": "C1", "ts": "1.2"}, event_id=f"EvB{run}")
            deliveries = [(urls[0], first), (urls[1], first), (urls[0], first), (urls[1], first), (urls[1], second)]
            for retry, (url, body) in enumerate(deliveries):
                extra = {"X-Slack-Retry-Num": str(retry)} if retry else {}
                response = httpx.post(url + "/slack/events", content=body, headers=signed_headers(body, **extra),
                                      timeout=10)
                assert response.status_code == 200
            posts = fake.wait_for("chat.postMessage", 2, timeout=30)
            time.sleep(1.0)  # a duplicate would arrive within this window
            posts = fake.calls_to("chat.postMessage")
            assert sorted(p.body["thread_ts"] for p in posts) == ["1.1", "1.2"]
            assert httpx.get(urls[1] + "/ready", timeout=5).json()["worker"] == "ok"  # the worker has run jobs
        finally:
            for proc in procs:
                proc.send_signal(signal.SIGTERM)
            for proc in procs:
                try:
                    proc.wait(15)
                except subprocess.TimeoutExpired:
                    proc.kill()
            for key in redis_client.scan_iter(prefix + "*"):
                redis_client.delete(key)
            for event_id in (f"EvA{run}", f"EvB{run}"):
                for kind in ("job", "result", "in-progress", "retry"):
                    redis_client.delete(f"arq:{kind}:{event_id}")
