"""Keep long-lived objects out of the collector's full passes, so one pass cannot stall the event loop.

Why: an API process holds millions of long-lived objects (indexes, lexicons, dictionaries, models) that every
generation-2 collection walks again. Measured in the deployment after a chat warm-up: full passes of 230-390 ms in
each API process, landing inside a burst of 50 Slack events as a 330 ms ack p99. After a full pass, what survived it
is frozen (`gc.freeze`): later full passes walk only what was created since. The cost: a reference cycle made only of
frozen objects is never reclaimed (objects freed by reference counting, the usual case, still are).
"""

from __future__ import annotations

import asyncio
import gc
import logging

log = logging.getLogger(__name__)


def freeze_if_fully_collected(seen_full_passes: int) -> int:
    """Freeze the survivors when a full pass ran since `seen_full_passes`; the current full-pass count."""
    full_passes = gc.get_stats()[2]["collections"]
    if full_passes != seen_full_passes:
        gc.freeze()
        log.debug("heap: %d objects frozen after full collection %d", gc.get_freeze_count(), full_passes)
    return full_passes


async def freeze_survivors(interval_s: float) -> None:
    """Forever: every `interval_s`, freeze what a full collection left (cancelled when the server stops)."""
    gc.collect()
    gc.freeze()  # what start-up built (imports, settings, the wiring)
    seen = gc.get_stats()[2]["collections"]
    while True:
        await asyncio.sleep(interval_s)
        seen = freeze_if_fully_collected(seen)
