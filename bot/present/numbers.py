"""Numbers for people: percentages with one decimal, scores without float noise, dates in the reader's style."""

from __future__ import annotations

from datetime import date, datetime

_WEEKDAY_ZH = "一二三四五六日"


def percent(value: float | None, language: str) -> str:
    """0.7886 -> "78.9%"; None -> "无数据" / "n/a"."""
    if value is None:
        return "无数据" if language == "zh" else "n/a"
    return f"{value * 100:.1f}%"


def bar(value: float) -> str:
    """A policy threshold as written in the policy: 0.9 -> "90%", 0.955 -> "95.5%"."""
    return f"{round(value * 100, 2):g}%"


def rate(numerator: int, denominator: int, language: str) -> str:
    """"78.9%（15/19）" / "78.9% (15/19)"."""
    shown = percent(numerator / denominator if denominator else None, language)
    return f"{shown}（{numerator}/{denominator}）" if language == "zh" else f"{shown} ({numerator}/{denominator})"


def number(value: float | None, language: str, digits: int = 1) -> str:
    """A rounded figure without trailing zeros ("13.5", "15", "-5")."""
    if value is None:
        return "无数据" if language == "zh" else "n/a"
    rounded = round(float(value), digits)
    return f"{rounded:g}" if rounded != int(rounded) else str(int(rounded))


def signed(value: float, language: str) -> str:
    """"+2" / "-5" / "0"."""
    shown = number(value, language)
    return f"+{shown}" if value > 0 else shown


def day(value: date, language: str) -> str:
    """"2026年11月28日" / "28 Nov 2026"."""
    if language == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return value.strftime("%-d %b %Y")


def moment(value: datetime, language: str) -> str:
    """"2026年11月28日（周六）09:00" / "Sat 28 Nov 2026, 09:00" (already in local time)."""
    if language == "zh":
        return f"{day(value.date(), 'zh')}（周{_WEEKDAY_ZH[value.weekday()]}）{value:%H:%M}"
    return f"{value:%a} {value.day} {value:%b %Y}, {value:%H:%M}"
