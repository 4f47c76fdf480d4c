"""The in-process queue and the periodic trigger (the default background worker)."""

from __future__ import annotations

import threading
import time

import pytest

from adapters.worker.queue import InProcessQueue, JobRegistry
from adapters.worker.schedule import PeriodicTrigger


def test_jobs_run_off_the_caller_thread_and_failures_do_not_stop_the_pool():
    """Jobs run off the caller thread and failures do not stop the pool."""
    registry = JobRegistry()
    ran: list[tuple[str, str]] = []
    registry.register("ok", lambda p: ran.append((p["n"], threading.current_thread().name)))
    registry.register("boom", lambda p: 1 / 0)
    queue = InProcessQueue(registry, threads=2)
    queue.enqueue("boom", {})
    for n in "abc":
        queue.enqueue("ok", {"n": n})
    assert queue.wait_idle(5)
    assert sorted(n for n, _ in ran) == ["a", "b", "c"]
    assert all(name.startswith("mentor-job") for _, name in ran)
    queue.close()


def test_unknown_job_names_are_a_loud_error():
    """Unknown job names are a loud error."""
    with pytest.raises(KeyError, match="no job named"):
        JobRegistry().run("nope", {})


def test_periodic_trigger_enqueues_until_stopped():
    """Periodic trigger enqueues until stopped."""
    registry = JobRegistry()
    runs: list[int] = []
    registry.register("tick", lambda p: runs.append(1))
    queue = InProcessQueue(registry)
    trigger = PeriodicTrigger(queue, "tick", 0.05).start()
    deadline = time.monotonic() + 5
    while len(runs) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    trigger.stop()
    queue.wait_idle(5)
    count = len(runs)
    time.sleep(0.15)
    assert count >= 3 and len(runs) == count
    queue.close()


def test_a_full_queue_refuses_work_instead_of_growing_without_bound():
    """Backpressure: past max_pending the caller gets QueueFull (the platform then retries later)."""
    from adapters.worker.queue import QueueFull

    registry = JobRegistry()
    release = threading.Event()
    registry.register("slow", lambda p: release.wait(5))
    queue = InProcessQueue(registry, threads=1, max_pending=2)
    queue.enqueue("slow", {})
    queue.enqueue("slow", {})
    with pytest.raises(QueueFull):
        queue.enqueue("slow", {})
    release.set()
    assert queue.wait_idle(5)
    queue.enqueue("slow", {})  # room again once the backlog drained
    assert queue.wait_idle(5)
    queue.close()
