"""Small field parsers that raise ValueError with a reason HR can act on."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo


def parse_date(value: str, field: str) -> date:
    """YYYY-MM-DD."""
    try:
        return _date(value)
    except ValueError:
        raise ValueError(f"{field} '{value}' is not a date; use YYYY-MM-DD") from None


@lru_cache(maxsize=8192)
def _date(value: str) -> date:
    """Shared date objects: a year of history has a few hundred distinct days over millions of rows."""
    return date.fromisoformat(value)


def shared(value: str) -> str:
    """Intern an id that repeats across millions of rows (employee ids, course codes) to save memory."""
    return sys.intern(value)


def optional_date(value: str, field: str) -> date | None:
    """Empty or YYYY-MM-DD."""
    return parse_date(value, field) if value else None


def parse_number(value: str, field: str, low: float, high: float) -> float:
    """A number within [low, high]."""
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"{field} '{value}' is not a number") from None
    if not low <= number <= high:
        raise ValueError(f"{field} {value} is outside {low:g}..{high:g}")
    return number


def parse_int(value: str, field: str, low: int, high: int) -> int:
    """A whole number within [low, high]."""
    number = parse_number(value, field, low, high)
    if number != int(number):
        raise ValueError(f"{field} '{value}' must be a whole number")
    return int(number)


def parse_moment(value: str, field: str, timezone: str) -> datetime:
    """ISO date-time; without an offset it is local time in the policy timezone; stored as UTC."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{field} '{value}' is not a date-time; use YYYY-MM-DDTHH:MM") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(timezone))
    return moment.astimezone(UTC)


def choice(value: str, field: str, allowed: tuple[str, ...]) -> str:
    """One of the allowed words."""
    if value not in allowed:
        raise ValueError(f"{field} '{value}' must be one of {', '.join(allowed)}")
    return value
