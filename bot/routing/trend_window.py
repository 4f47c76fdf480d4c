"""A completion report cut over time: by month or by quarter, and how many steps back ("近半年", "last 3 quarters")."""

from __future__ import annotations

import re

from bot.routing.numbers import chinese_number

_BY_QUARTER = re.compile(r"按季度|每(个|一个)?季度|各(个)?季度|季度(趋势|变化|走势|对比|环比)|(近|过去|最近|前)\s*\S{0,3}\s*个?季度|"
                         r"\bquarterly\b|\b(by|per|each|every) quarter\b|quarter[- ]over[- ]quarter|\bqoq\b|"
                         r"\b(last|past|previous) (\w+ )?quarters\b")
_BY_MONTH = re.compile(r"趋势|走势|变化|升.{0,4}降|涨.{0,4}跌|每(个|一个)?月|各(个)?月|按月|逐月|月度|环比|折线|"
                       r"(近|过去|最近|前)\s*\S{0,3}\s*个?\s*月|半年|"
                       r"\btrend|\bover time\b|month[- ]by[- ]month|month[- ]over[- ]month|\bmom\b|\bmoved\b|\bmonthly\b|\b(by|per|each|every) month\b|"
                       r"going (up|down)|\b(last|past|previous|recent) (\w+ )?months\b|half (a )?year|\bchanged?\b")
_ZH_SPAN = re.compile(r"(?:近|过去|最近|前)\s*([0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*个?\s*(月|季度)")
_EN_SPAN = re.compile(r"\b(?:last|past|previous|recent)\s+(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|"
                      r"eleven|twelve)\s+(months?|quarters?)\b")
_YEAR_SPAN = re.compile(r"(近|过去|最近)\s*一\s*年|\b(last|past) (12|twelve) months\b|\b(the )?past year\b")
_HALF_YEAR = re.compile(r"半年|half(?: a)? year")
_EN_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
               "eleven": 11, "twelve": 12}


def over_time(text: str) -> tuple[str | None, int | None]:
    """("month" / "quarter" when the message asks for completion over time, else None; the steps asked for, if any)."""
    lowered = text.lower()
    if m := _ZH_SPAN.search(text):
        return ("quarter" if m.group(2) == "季度" else "month"), chinese_number(m.group(1))
    if m := _EN_SPAN.search(lowered):
        raw = m.group(1)
        return ("quarter" if m.group(2).startswith("quarter") else "month"), int(raw) if raw.isdigit() else _EN_NUMBERS[raw]
    step = "quarter" if _BY_QUARTER.search(lowered) else "month" if _BY_MONTH.search(lowered) else None
    if step and _YEAR_SPAN.search(lowered):
        return step, 4 if step == "quarter" else 12
    if step and _HALF_YEAR.search(lowered):
        return step, 2 if step == "quarter" else 6
    return step, None
