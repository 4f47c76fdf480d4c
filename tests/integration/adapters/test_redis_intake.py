"""The event-loop intake on the local Redis: one claim per key across processes' stores, the arq job queued, the
claim released when the enqueue fails, and 50 concurrent acks served without a thread."""

from __future__ import annotations

import asyncio
import threading
import uuid

import pytest
from arq.constants import expires_extra_ms, job_key_prefix
from arq.jobs import deserialize_job

from adapters.dedupe import RedisDedupeStore
from adapters.intake import RedisIntake, ThreadedIntake, build_intake
from adapters.worker.arq_queue import RUN_JOB, ArqQueue, queue_name
from adapters.worker.queue import InProcessQueue, JobRegistry
from tests.redis_support import REDIS_URL


@pytest.fixture
def redis_prefix(redis_client):
    """A private key prefix on the local Redis (DB 15), removed afterwards; a skip when there is no Redis."""
    client = redis_client
    prefix = f"mentor-intake-{uuid.uuid4().hex[:8]}:"
    yield client, prefix
    for pattern in (prefix + "*", f"arq:job:{prefix}*"):  # arq's job keys are global: ids below carry the prefix
        for key in client.scan_iter(pattern):
            client.delete(key)


def test_claims_once_queues_the_arq_job_and_shares_claims_with_the_sync_store(redis_prefix):
    """accept() claims once (a retry is False), queues one arq job under the key; the socket-mode store agrees."""
    client, prefix = redis_prefix
    intake = RedisIntake(REDIS_URL, prefix, ttl_s=60)

    async def scenario():
        first = await intake.accept(prefix + "Ev1", "slack.reply", {"text": "年假?"})
        again = await intake.accept(prefix + "Ev1", "slack.reply", {"text": "年假?"})
        seen = await intake.seen(prefix + "Ev1"), await intake.seen(prefix + "Ev2")
        await intake.aclose()
        return first, again, seen

    assert asyncio.run(scenario()) == (True, False, (True, False))
    assert client.zrange(queue_name(prefix), 0, -1) == [(prefix + "Ev1").encode()]
    assert not RedisDedupeStore(client, prefix, ttl_s=60).claim(prefix + "Ev1")
    stored = deserialize_job(client.get(job_key_prefix + prefix + "Ev1"))  # what `mentor worker` will read
    assert (stored.function, stored.args, stored.kwargs) == (RUN_JOB, ("slack.reply", {"text": "年假?"}), {})
    assert 0 < client.pttl(job_key_prefix + prefix + "Ev1") <= expires_extra_ms


def test_a_job_still_queued_is_not_queued_twice_after_its_claim_expired(redis_prefix):
    """A claim gone but arq's job (or its result) still there: accepted as a first sighting, queued once."""
    client, prefix = redis_prefix
    intake = RedisIntake(REDIS_URL, prefix, ttl_s=60)
    client.set(job_key_prefix + prefix + "Ev2", b"earlier job")

    async def scenario():
        accepted = await intake.accept(prefix + "Ev2", "slack.reply", {})
        await intake.aclose()
        return accepted

    assert asyncio.run(scenario()) is True
    assert client.get(job_key_prefix + prefix + "Ev2") == b"earlier job"
    assert client.zrange(queue_name(prefix), 0, -1) == []


def test_a_failed_enqueue_releases_the_claim_so_the_retry_is_accepted(redis_prefix, monkeypatch):
    """When the job cannot be queued the claim is deleted: Slack's retry of the same id is queued then."""
    client, prefix = redis_prefix
    intake = RedisIntake(REDIS_URL, prefix, ttl_s=60)

    async def broken(*args, **kwargs):
        raise ConnectionError("queue down")

    async def scenario():
        await intake._redis()
        intake._script = broken
        with pytest.raises(ConnectionError):
            await intake.accept(prefix + "Ev9", "slack.reply", {})
        intake._script = None  # registered again on the next call
        retried = await intake.accept(prefix + "Ev9", "slack.reply", {})
        await intake.aclose()
        return retried

    assert asyncio.run(scenario()) is True
    assert client.zrange(queue_name(prefix), 0, -1) == [(prefix + "Ev9").encode()]


def test_fifty_concurrent_accepts_run_on_the_loop_without_threads(redis_prefix, monkeypatch):
    """No worker-thread hop: 50 concurrent acks are coroutines on one loop, each event id queued exactly once."""
    import anyio.to_thread

    _client, prefix = redis_prefix
    intake = RedisIntake(REDIS_URL, prefix, ttl_s=60)
    started = threading.active_count()

    async def no_threads(*args, **kwargs):
        raise AssertionError("the Redis intake hopped to a worker thread")

    monkeypatch.setattr(anyio.to_thread, "run_sync", no_threads)

    async def scenario():
        results = await asyncio.gather(*(intake.accept(f"{prefix}Ev{i % 25}", "slack.reply", {}) for i in range(50)))
        await intake.aclose()
        return results

    results = asyncio.run(scenario())
    assert sum(results) == 25 and threading.active_count() == started


def test_build_intake_uses_redis_only_with_both_redis_stores(redis_prefix, tmp_path):
    """With a worker configured (Redis dedupe and the arq queue) the loop intake; otherwise the thread hop."""
    client, prefix = redis_prefix
    redis_store = RedisDedupeStore(client, prefix)
    assert isinstance(build_intake(REDIS_URL, prefix, 60, redis_store, ArqQueue(REDIS_URL, prefix)), RedisIntake)
    local = InProcessQueue(JobRegistry())
    try:
        assert isinstance(build_intake(REDIS_URL, prefix, 60, redis_store, local), ThreadedIntake)
        assert isinstance(build_intake(None, prefix, 60, redis_store, local), ThreadedIntake)
    finally:
        local.close()
