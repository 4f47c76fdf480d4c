"""A month is a reporting period ("completion just for July"): 2026-07 covers 1-31 July."""

from __future__ import annotations

from datetime import date

import pytest

from hr.errors import HRError
from hr.rules.periods import parse_period


def test_a_month_is_a_period():
    july = parse_period("2026-07")
    assert (july.name, july.start, july.end) == ("2026-07", date(2026, 7, 1), date(2026, 7, 31))
    december = parse_period("2026-12")
    assert december.end == date(2026, 12, 31)
    assert parse_period("2026-02").end == date(2026, 2, 28)


def test_a_thirteenth_month_is_invalid():
    with pytest.raises(HRError):
        parse_period("2026-13")
