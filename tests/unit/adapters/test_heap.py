"""The heap freezer: survivors of a full collection are frozen, nothing happens without one, and the server's
lifespan starts and stops it as the setting says."""

from __future__ import annotations

import asyncio
import gc

import pytest

from adapters.api.heap import freeze_if_fully_collected, freeze_survivors


@pytest.fixture
def thawed():
    """Each test starts and ends with nothing frozen (the test process must not keep a frozen heap)."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_survivors_of_a_full_collection_are_frozen_and_nothing_else(thawed):
    """No full pass since the last look: nothing frozen; after one: the survivors are."""
    seen = gc.get_stats()[2]["collections"]
    assert freeze_if_fully_collected(seen) == seen and gc.get_freeze_count() == 0
    kept = [{"long": "lived"} for _ in range(1000)]
    gc.collect()
    now = freeze_if_fully_collected(seen)
    assert now > seen and gc.get_freeze_count() >= len(kept)


def test_the_freezer_freezes_start_up_then_stops_when_cancelled(thawed):
    """Started: start-up's objects frozen at once; cancelled with the server, it ends."""
    async def scenario():
        task = asyncio.create_task(freeze_survivors(0.01))
        await asyncio.sleep(0.05)
        frozen = gc.get_freeze_count()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return frozen

    assert asyncio.run(scenario()) > 0
