"""Read small counts written in digits or Chinese numerals ("5道题", "五道", "十二")."""

from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_number(text: str) -> int | None:
    """Value of a Chinese numeral up to 99 ("十二" -> 12, "二十" -> 20); None when it is not one."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens_part, _, ones_part = text.partition("十")
        tens = _DIGITS.get(tens_part) if tens_part else 1
        ones = _DIGITS.get(ones_part) if ones_part else 0
        if tens is None or ones is None:
            return None
        return tens * 10 + ones
    if len(text) == 1 and text in _DIGITS:
        return _DIGITS[text]
    return None
