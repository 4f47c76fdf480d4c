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
    if re.search(r"上季度|上个季度|上一季度|上一个季度|前一个季度|last quarter|previous quarter|last qtr|"
                 r"(the )?quarter before( that| this one)?\b", lowered):
        return previous_quarter(today)
    if m := _BARE_QUARTER.search(text):
        number = m.group(1) or str(chinese_number(m.group(2)))
        return f"{today.year}Q{number}"
    if m := _YEAR.search(text):
        return m.group(1)  # a year written out wins over "full year" / "全年" around it ("full year 2025")
    if re.search(r"今年|本年度|本年|全年|整年|this year|current year|year to date|ytd|whole year|full year|entire year",
                 lowered):
        return str(today.year)
    if re.search(r"去年|上一年|last year|previous year", lowered):
        return str(today.year - 1)
    return None


_MONTHS_EN = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                          "dec"), 1)}
_EN_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")
_EN_MONTH_DAY = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b")
_EN_MONTH = re.compile(r"\b(?:in\s+|the one in\s+)(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
                       r"\b(january|february|march|april|june|july|august|september|october|november|december)\b")
_ZH_MONTH_DAY = re.compile(r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]")
_ZH_MONTH = re.compile(r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:份)?(?!\s*[\d一二三四五六七八九十])")
_THIS_MONTH = re.compile(r"本月|这个月|这月|当月|this month|current month|month to date|\bmtd\b")
_LAST_MONTH = re.compile(r"上个月|上月|上一个月|last month|previous month")
_NUMERIC = re.compile(r"(?<![\d-])(?:20\d\d[-/])?(\d{1,2})[-/](\d{1,2})(?![\d-])")


def parse_month(text: str, today: date) -> str | None:
    """A calendar month the text names ("just July", "7月的", "for July 2025", "this month", "上个月") as "YYYY-MM": the
    named year, else the latest such month up to today; None when no month is named."""
    lowered = text.lower()
    if _THIS_MONTH.search(lowered):
        return f"{today.year}-{today.month:02d}"
    if _LAST_MONTH.search(lowered):
        return f"{today.year - 1}-12" if today.month == 1 else f"{today.year}-{today.month - 1:02d}"
    number = None
    if m := _EN_MONTH.search(lowered):
        number = _MONTHS_EN[(m.group(1) or m.group(2))[:3]]
    elif (m := _ZH_MONTH.search(text)) and not _ZH_MONTH_DAY.search(text):
        number = chinese_number(m.group(1))
    if not number or not 1 <= number <= 12:
        return None
    year = _YEAR.search(text)
    chosen = int(year.group(1)) if year else (today.year if number <= today.month else today.year - 1)
    return f"{chosen}-{number:02d}"


def parse_session_day(text: str) -> str | None:
    """The day (or month) a message picks a session by: "MM-DD" ("28 November", "11月28日", "11/28") or "MM"
    ("the one in December", "12月的"); None when no date is named."""
    lowered = text.lower()
    if m := _EN_DAY_MONTH.search(lowered):
        return f"{_MONTHS_EN[m.group(2)]:02d}-{int(m.group(1)):02d}"
    if m := _EN_MONTH_DAY.search(lowered):
        return f"{_MONTHS_EN[m.group(1)]:02d}-{int(m.group(2)):02d}"
    if m := _ZH_MONTH_DAY.search(text):
        month, day = chinese_number(m.group(1)), chinese_number(m.group(2))
        if month and day and month <= 12 and day <= 31:
            return f"{month:02d}-{day:02d}"
    if m := _NUMERIC.search(text):
        month, day = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{month:02d}-{day:02d}"
    if m := _EN_MONTH.search(lowered):
        return f"{_MONTHS_EN[(m.group(1) or m.group(2))[:3]]:02d}"
    if m := _ZH_MONTH.search(text):
        month = chinese_number(m.group(1))
        if month and month <= 12:
            return f"{month:02d}"
    return None
