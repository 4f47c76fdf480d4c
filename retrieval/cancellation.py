"""Cooperative cancellation of a chat turn: the turn guard cancels a turn past its deadline, and the turn stops at
its next checkpoint (between retrieval steps, answer choice, tool and model calls) instead of running on unseen.

Python cannot stop a thread from outside, so the work itself checks: `checkpoint()` raises TurnCancelled when the
turn running on this thread was cancelled; with no cancellable turn active it does nothing (CLI, ingest, tests).
It lives in the lowest layer because retrieval, knowledge and bot all have steps worth checking between."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["CancelToken", "TurnCancelled", "cancellable", "checkpoint"]


class TurnCancelled(BaseException):
    """The turn was cancelled (its deadline passed). A BaseException, like asyncio.CancelledError, so the
    `except Exception` fallbacks of tools and turns cannot swallow it and carry on."""


class CancelToken:
    """Set once by whoever gave up waiting; read by the turn at each checkpoint (thread-safe)."""

    def __init__(self) -> None:
        """Not cancelled yet."""
        self._event = threading.Event()
        self.reason = ""
        self.stopped_at = ""  # the checkpoint where the turn noticed (for logs and tests)

    def cancel(self, reason: str = "deadline passed") -> None:
        """Ask the turn to stop at its next checkpoint."""
        self.reason = reason
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """True once cancel() was called."""
        return self._event.is_set()


_current: ContextVar[CancelToken | None] = ContextVar("mentor_turn_cancel", default=None)


@contextmanager
def cancellable(token: CancelToken) -> Iterator[CancelToken]:
    """Run the block as a cancellable turn: checkpoints inside it (on this thread) obey `token`."""
    reset = _current.set(token)
    try:
        yield token
    finally:
        _current.reset(reset)


def checkpoint(step: str) -> None:
    """Raise TurnCancelled if the current turn was cancelled; `step` names what would have run next."""
    token = _current.get()
    if token is not None and token.cancelled:
        token.stopped_at = token.stopped_at or step
        raise TurnCancelled(f"turn cancelled before {step} ({token.reason})")
