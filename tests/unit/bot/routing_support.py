"""What the router would have read from a message, for dialogue tests that set it by hand."""

from __future__ import annotations

from bot.routing.intents import Routed
from bot.routing.router import MIN_CONFIDENCE


def routed(intent: str, confidence: float = 0.9, slots: dict | None = None, best: str | None = None) -> Routed:
    """A routed message: confident exactly when the router would be (MIN_CONFIDENCE)."""
    return Routed(intent, slots or {}, confidence, confidence >= MIN_CONFIDENCE, best or intent)
