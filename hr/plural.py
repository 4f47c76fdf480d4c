"""English counts that agree with their noun ("1 person", "2 people", "1 reminder is"): numbers shown to people."""

from __future__ import annotations

_IRREGULAR = {"person": "people"}


def noun(n: float, singular: str, plural: str | None = None) -> str:
    """The noun for a count of `n`: singular for exactly one, else the plural (regular, irregular or given)."""
    return singular if n == 1 else (plural or _IRREGULAR.get(singular) or singular + "s")


def count(n: float, singular: str, plural: str | None = None) -> str:
    """"1 person" / "3 people" / "0 reminders"."""
    return f"{n} {noun(n, singular, plural)}"


def be(n: float) -> str:
    """The verb agreeing with a count: "is" for one, else "are"."""
    return "is" if n == 1 else "are"
