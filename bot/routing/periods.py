"""Turn "本季度", "last quarter", "2026Q3", "今年" into the period strings the HR services take ("2026Q3", "2026")."""

from __future__ import annotations

import re
from datetime import date

from bot.routing.numbers import chinese_number

_EXPLICIT_QUARTER = re.compile(r"(20\d\d)\s*[-/ ]?\s*[Qq]([1-4])")
_ZH_YEAR_QUARTER = re.compile(r"(20\d\d)\s*年?\s*第?([一二三四1-4])\s*季度?")
_BARE_QUARTER = re.compile(r"(?<![0-9A-Za-z])[Qq]([1-4])(?![0-9])|第?([一二三四])季度")
_YEAR = re.compile(r"(?<!\d)(20\d\d)\s*(年|年度)?(?!\d)")


def quarter_of(day: date) -> str:
    """The quarter a date falls in ("2026Q4")."""
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def previous_quarter(day: date) -> str:
    """The quarter before the one a date falls in."""
    q = (day.month - 1) // 3 + 1
    return f"{day.year - 1}Q4" if q == 1 else f"{day.year}Q{q - 1}"


def parse_period(text: str, today: date) -> str | None:
    """The period the text names, relative words resolved against today; None when none is named."""
    lowered = text.lower()
    if m := _EXPLICIT_QUARTER.search(text):
        return f"{m.group(1)}Q{m.group(2)}"
    if m := _ZH_YEAR_QUARTER.search(text):
        return f"{m.group(1)}Q{chinese_number(m.group(2))}"
    if re.search(r"本季度|这个季度|这季度|当季|this quarter|current quarter|this qtr", lowered):
        return quarter_of(today)
    if re.search(r"上季度|上个季度|上一季度|last quarter|previous quarter|last qtr", lowered):
        return previous_quarter(today)
    if m := _BARE_QUARTER.search(text):
        number = m.group(1) or str(chinese_number(m.group(2)))
        return f"{today.year}Q{number}"
    if re.search(r"今年|本年度|本年|this year|current year|year to date|ytd", lowered):
        return str(today.year)
    if re.search(r"去年|上一年|last year|previous year", lowered):
        return str(today.year - 1)
    if m := _YEAR.search(text):
        return m.group(1)
    return None
