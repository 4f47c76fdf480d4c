"""Reporting periods such as 2026Q3 (a quarter) or 2026 (a year), as inclusive date ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from hr.errors import invalid

_PATTERN = re.compile(r"^(\d{4})(?:[Qq]([1-4]))?$")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class Period:
    """A named, inclusive date range."""

    name: str
    start: date
    end: date

    def contains(self, day: date) -> bool:
        """True when the day falls inside the period."""
        return self.start <= day <= self.end

    def previous_quarter(self) -> Period:
        """The quarter before this one (for a year, the last quarter of the previous year)."""
        year, quarter = self.start.year, (self.start.month - 1) // 3 + 1
        if len(self.name) == 4:
            return parse_period(f"{year - 1}Q4")
        return parse_period(f"{year - 1}Q4" if quarter == 1 else f"{year}Q{quarter - 1}")


def parse_period(text: str) -> Period:
    """Parse '2026Q3', '2026' or a month '2026-07' (a report "just for July"); anything else is a clear 'invalid'
    error."""
    if month := _MONTH.match(text.strip()):
        year, number = int(month.group(1)), int(month.group(2))
        end = date(year + 1, 1, 1) if number == 12 else date(year, number + 1, 1)
        return Period(f"{year}-{number:02d}", date(year, number, 1), date.fromordinal(end.toordinal() - 1))
    match = _PATTERN.match(text.strip())
    if not match:
        raise invalid(f"Period '{text}' is not valid; use a quarter like 2026Q3, a year like 2026 or a month like "
                      f"2026-07.", f"期间“{text}”无效；请使用 2026Q3 这样的季度、2026 这样的年份或 2026-07 这样的月份。")
    year, quarter = int(match.group(1)), match.group(2)
    if quarter is None:
        return Period(str(year), date(year, 1, 1), date(year, 12, 31))
    q = int(quarter)
    start = date(year, 3 * q - 2, 1)
    end = date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)
    return Period(f"{year}Q{q}", start, date.fromordinal(end.toordinal() - 1))


def quarter_of(day: date) -> Period:
    """The quarter a day falls in."""
    return parse_period(f"{day.year}Q{(day.month - 1) // 3 + 1}")
