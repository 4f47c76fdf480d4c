""""帮我报名第一门" / "enroll me in the second one": a position in the list of courses the last reply showed."""

from __future__ import annotations

import re

from bot.routing.numbers import chinese_number

_ZH = re.compile(r"第\s*([一二三四五六七八九十两]{1,3}|\d{1,2})\s*(门|个|项|条)(课|课程)?|最后(一|那)(门|个)")
_EN_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "last": -1}
_EN = re.compile(r"\b(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|4th|"
                 r"5th|last)\s+(?:one|course|class|training|option|on the list)\b|"
                 r"\bthe\s+(first|second|third|fourth|fifth|last|1st|2nd|3rd)\s*(?:[?.!]|$)|"
                 r"(?:#|\bnumber\s+|\bno\.\s*|\boption\s+)(\d{1,2})\b", re.IGNORECASE)


def listed_course(text: str, listed: list[str] | tuple[str, ...]) -> str | None:
    """The course at the position the message names in `listed` (1-based; "last" / "最后一门" is the last), or None
    when it names no position or one past the end."""
    if not listed:
        return None
    position = _position(text)
    if position is None:
        return None
    index = len(listed) - 1 if position == -1 else position - 1
    return listed[index] if 0 <= index < len(listed) else None


def _position(text: str) -> int | None:
    """The 1-based position a message names, -1 for the last one, None for none."""
    if m := _ZH.search(text):
        if m.group(1) is None:
            return -1
        return int(m.group(1)) if m.group(1).isdigit() else chinese_number(m.group(1))
    if m := _EN.search(text):
        word = (m.group(1) or m.group(2) or "").lower()
        return _EN_WORDS[word] if word else int(m.group(3))
    return None
