"""Finding 7: `mentor worker` survives Redis going away (reconnects with backoff, the registry built once), and
/ready says 'not ready' when acknowledged work has nobody to run it."""

from __future__ import annotations

import os
import socket
import uuid

import pytest

from adapters.worker.arq_worker import run_worker
from adapters.worker.queue import JobRegistry

REDIS_URL = os.environ.get("MENTOR_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def _closed_port() -> int:
    """A local port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_worker_reconnects_with_backoff_instead_of_exiting():
    """Redis unreachable: the worker waits 1, 2, 4, 8 s (capped) and tries again; it never exits by itself."""
    built, sleeps = [], []
    registry = JobRegistry()

    def factory() -> JobRegistry:
        built.append(1)
        return registry

    reconnects = run_worker(f"redis://127.0.0.1:{_closed_port()}/0", "mentor-test:", factory, burst=True,
                            sleep=sleeps.append, should_stop=lambda: len(sleeps) >= 4, conn_retries=0)
    assert reconnects == 4 and sleeps == [1.0, 2.0, 4.0, 8.0]
    assert built == [1]  # the chat service and channels are not rebuilt on every reconnect


def _redis_or_skip():
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis at {REDIS_URL}")
    return client


def test_after_reconnecting_the_worker_runs_the_queued_jobs():
    """First attempts fail (wrong port), then the real Redis answers and the acknowledged job runs."""
    _redis_or_skip()
    from adapters.worker.arq_queue import ArqQueue

    prefix = f"mentor-test-{uuid.uuid4().hex[:8]}:"
    ran: list[dict] = []
    registry = JobRegistry()
    registry.register("demo.job", ran.append)
    queue = ArqQueue(REDIS_URL, prefix=prefix)
    queue.enqueue("demo.job", {"n": 1}, job_id=f"{prefix}job")
    queue.close()
    urls = [f"redis://127.0.0.1:{_closed_port()}/0"]
    sleeps: list[float] = []

    def flaky_sleep(seconds: float) -> None:
        sleeps.append(seconds)

    # the same supervisor, pointed first at a dead Redis, then (as after an outage) at the live one
    assert run_worker(urls[0], prefix, lambda: registry, burst=True, sleep=flaky_sleep,
                      should_stop=lambda: len(sleeps) >= 2, conn_retries=0) == 2
    assert run_worker(REDIS_URL, prefix, lambda: registry, burst=True, sleep=flaky_sleep, conn_retries=0) == 0
    assert ran == [{"n": 1}]


def test_ready_is_not_ready_when_no_worker_runs_acknowledged_work(tmp_path, make_client):
    """With Redis configured and no `mentor worker` alive, /ready is a 503 that says so; without Redis the
    in-process pool must be running."""
    _redis_or_skip()
    from tests.integration.adapters.conftest import channel_settings

    settings = channel_settings(tmp_path, redis_prefix=f"mentor-test-{uuid.uuid4().hex[:8]}:")
    client, channels = make_client(settings)
    assert client.get("/ready").status_code == 200
    channels.settings.redis_url = REDIS_URL
    response = client.get("/ready")
    assert response.status_code == 503 and "mentor worker" in response.json()["checks"]["worker"]
    channels.settings.redis_url = None
    channels.queue.close()
    stopped = client.get("/ready")
    assert stopped.status_code == 503 and "stopped" in stopped.json()["worker"]
