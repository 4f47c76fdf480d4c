"""Read rules written as rows (seniority bands, tiers, thresholds) so "12 years" selects the 10-to-20-year row.

A policy often packs a table into one sentence: "已满1年不满10年的，年休假5天；已满10年不满20年的，年休假10天；…"
or a list of "- 1 to 5 years: …" lines. Quoting the whole block leaves the reader to find their row; here each row is
a candidate of its own, and the row whose range holds the number the question states is marked as the match."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_EN_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
               "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
               "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_NUM = r"(\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十]+)"  # "20,000" is one number
_CURRENCY = r"(?:rmb|cny|usd|yuan|[¥￥$])?\s*"  # "up to RMB 5,000": the amount follows its currency
_UNIT = r"(年|个月|月|天|日|小时|岁|元|万元|years?|months?|days?|hours?|yuan|rmb)"
# the number a question states about the reader: "工作12年", "三年了", "after 12 years", "twelve years"
_EN_WORD = r"((?:twenty|thirty|forty|fifty)[- ](?:one|two|three|four|five|six|seven|eight|nine)|" + "|".join(_EN_NUMBERS) + ")"
_QUESTION_NUMBER = re.compile(_NUM + r"[\s-]*" + _UNIT + r"|\b" + _EN_WORD + r"[\s-]+" + _UNIT, re.I)
_ROW_SPLIT = re.compile(r"(?<=[；;])|\n")
# range shapes, each giving (low, high) with high exclusive; None means open
_RANGES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?:已满|满)\s*" + _NUM + r"\s*" + _UNIT + r"?\s*(?:但)?不满\s*" + _NUM), "lo_hi"),
    (re.compile(_NUM + r"\s*" + _UNIT + r"?\s*以上\s*(?:但)?(?:不满|不足|未满)\s*" + _NUM), "lo_hi"),
    (re.compile(_NUM + r"\s*" + _UNIT + r"?\s*(?:至|到|-|–|~|to)\s*" + _NUM + r"\s*" + _UNIT, re.I), "lo_hi_incl"),
    # "RMB 5,000 to 20,000" (a list row of amounts, the unit written before the numbers)
    (re.compile(r"(?:rmb|cny|usd|[¥￥$])\s*" + _NUM + r"\s*(?:至|到|-|–|~|to)\s*" + _CURRENCY + _NUM, re.I), "lo_hi_incl"),
    (re.compile(r"between\s+" + _NUM + r"\s+and\s+" + _NUM, re.I), "lo_hi_incl"),
    (re.compile(r"(?:已满|满|不少于|至少|at least|more than|over|above)\s*" + _CURRENCY + _NUM, re.I), "lo"),
    (re.compile(_NUM + r"\s*" + _UNIT + r"\s*(?:以上|及以上|or more|\+)", re.I), "lo"),
    (re.compile(r"(?:不满|不足|少于|未满|less than|under|below|up to)\s*" + _CURRENCY + _NUM, re.I), "hi"),
    (re.compile(_NUM + r"\s*" + _UNIT + r"\s*(?:以下|以内|or less|or fewer)", re.I), "hi_incl"),
]


def parse_number(text: str) -> float | None:
    """Digits, Chinese numerals up to 99 (三, 十二, 二十) or an English number word."""
    text = text.strip().lower()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
        text = text.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if text in _EN_NUMBERS:
        return float(_EN_NUMBERS[text])
    tens, _, ones = text.replace(" ", "-").partition("-")
    if tens in _EN_NUMBERS and ones in _EN_NUMBERS:
        return float(_EN_NUMBERS[tens] + _EN_NUMBERS[ones])
    if text and all(ch in _ZH_DIGITS or ch == "十" for ch in text):
        if "十" not in text:
            return float(int("".join(str(_ZH_DIGITS[ch]) for ch in text))) if len(text) <= 3 else None
        tens, _, ones = text.partition("十")
        return float((_ZH_DIGITS.get(tens, 1) if tens else 1) * 10 + (_ZH_DIGITS.get(ones, 0) if ones else 0))
    return None


def question_number(question: str) -> float | None:
    """The first quantity with a unit the question states ("工作12年了" -> 12, "一万元" -> 10000), if any."""
    for match in _QUESTION_NUMBER.finditer(question):
        value = parse_number(match.group(1) or match.group(3) or "")
        if value is not None:
            return value * 10000 if (match.group(2) or "").startswith("万") else value
    return None


def question_unit(question: str) -> str | None:
    """What the question's stated number measures: "money", "time" or None (see `question_number`)."""
    for match in _QUESTION_NUMBER.finditer(question):
        if parse_number(match.group(1) or match.group(3) or "") is not None:
            return _unit_kind(match.group(2) or match.group(4) or "")
    return None


_MEASURES = ((re.compile(r"^(年|years?)$", re.I), "year"), (re.compile(r"^(个月|月|months?)$", re.I), "month"),
             (re.compile(r"^(天|日|days?)$", re.I), "day"), (re.compile(r"^(小时|hours?)$", re.I), "hour"),
             (re.compile(r"^(元|万元|yuan|rmb)$", re.I), "money"))
_RANGE_UNIT = re.compile(_UNIT, re.I)


def _measure(unit: str) -> str | None:
    """"年"/"years" -> "year", "天"/"days" -> "day", "元" -> "money"; None for anything else."""
    return next((name for pattern, name in _MEASURES if pattern.match(unit.strip())), None)


def question_measure(question: str) -> str | None:
    """What exactly the question's stated number counts: "year", "month", "day", "hour", "money" or None
    ("after 5 days" -> "day": a row for 1 to 10 years of service is not its row)."""
    for match in _QUESTION_NUMBER.finditer(question):
        if parse_number(match.group(1) or match.group(3) or "") is not None:
            return _measure(match.group(2) or match.group(4) or "")
    return None


def _row_measure(text: str) -> str | None:
    """What the row's range counts: the unit written inside the first range it states ("已满1年不满10年" -> year)."""
    for pattern, _shape in _RANGES:
        if match := pattern.search(text):
            unit = _RANGE_UNIT.search(match.group(0)) or _RANGE_UNIT.match(text[match.end():].lstrip())
            return _measure(unit.group(0)) if unit else None
    return None


def _unit_kind(unit: str) -> str | None:
    unit = unit.lower()
    if re.fullmatch(r"元|万元|yuan|rmb", unit):
        return "money"
    if unit and unit != "岁":
        return "time"
    return None


_MONEY = re.compile(r"元|\b(rmb|cny|usd|yuan|dollars?)\b|[¥￥$]", re.I)
_TIME = re.compile(r"年|个月|天|日|小时|\b(years?|months?|days?|weeks?|hours?)\b", re.I)
_LIST_ITEM = re.compile(r"^\s*([-*•+]|\d+[.)、])\s+")


def matching_item(sentence: str, value: float | None, unit: str | None) -> str | None:
    """A list item standing alone as one sentence ("- RMB 5,000 to 20,000: your manager and your department head
    approve.") is a row of the list around it: the item itself when its range holds `value`, an amount the question
    states (unit "money"), else None."""
    if value is None or unit != "money" or not _LIST_ITEM.match(sentence) or not _MONEY.search(sentence):
        return None  # amounts only: lists of years ("* Between 3 and 15 years: 6 hours per pay period", a US
        # federal page) then outranked the Chinese statute's seniority row for a question about Chinese law
    bounds = row_range(sentence)
    if bounds is None or not Row(sentence, *bounds).holds(value):
        return None
    return sentence


_ENUMERATION_MARK = re.compile(r"[（(]([一二三四五六七八九十]{1,3}|\d{1,2})[）)]")


def enumerated_items(sentence: str) -> tuple[str, list[str]] | None:
    """(lead-in, items) when the sentence is a numbered enumeration written on one line ("第二条 全体公民放假的节日：
    （一）元旦，放假1天；（二）春节，放假4天；…"): three or more marks （一）（二）（三）… or (1)(2)(3)… counting up from
    one. None otherwise (a "（1月1日）" or "（2024）" in the text is no mark)."""
    marks = [m for m in _ENUMERATION_MARK.finditer(sentence)]
    numbers = [parse_number(m.group(1)) for m in marks]
    if len(marks) < 3 or numbers != [float(i) for i in range(1, len(marks) + 1)]:
        return None
    ends = [m.start() for m in marks[1:]] + [len(sentence)]
    return sentence[:marks[0].start()], [sentence[m.start():end].strip() for m, end in zip(marks, ends, strict=True)]


def item_naming(sentence: str, score) -> str | None:
    """The one item of a numbered enumeration that covers the question best, with the enumeration's lead-in: "春节放
    几天" -> "第二条 全体公民放假的节日：（二）春节，放假4天（…）；". `score(text)` is the question's coverage of a text;
    None when the sentence is no enumeration, or no item, or more than one, covers the question best (a question
    about the whole list keeps the whole sentence)."""
    parsed = enumerated_items(sentence)
    if parsed is None:
        return None
    lead, items = parsed
    scores = [score(item) for item in items]
    best = max(scores)
    if best <= 0.0 or sum(1 for value in scores if value >= best - 1e-9) != 1:
        return None
    return f"{lead.strip()}{items[scores.index(best)]}"


@dataclass(frozen=True)
class Row:
    """One row of a rule table and the range of the quantity it applies to."""

    text: str
    low: float | None
    high: float | None  # exclusive

    def holds(self, value: float) -> bool:
        """True when `value` falls inside this row's range."""
        return (self.low is None or value >= self.low) and (self.high is None or value < self.high)


def row_range(text: str) -> tuple[float | None, float | None] | None:
    """(low, high-exclusive) of the first range the text states, or None when it states none."""
    for pattern, shape in _RANGES:
        match = pattern.search(text)
        if not match:
            continue
        numbers = [parse_number(g) for g in match.groups() if g is not None and parse_number(g) is not None]
        if not numbers:
            continue
        if shape == "lo_hi" and len(numbers) >= 2:
            return numbers[0], numbers[1]
        if shape == "lo_hi_incl" and len(numbers) >= 2:
            return numbers[0], numbers[1] + 1e-9
        if shape == "lo":
            return numbers[0], None
        if shape == "hi":
            return None, numbers[0]
        if shape == "hi_incl":
            return None, numbers[0] + 1e-9
    return None


def split_rows(sentence: str) -> list[Row]:
    """The sentence's rows when it is a table in disguise (two or more parts each stating a range), else []."""
    parts = [p.strip(" -*•；;") for p in _ROW_SPLIT.split(sentence) if p.strip(" -*•；;")]
    if len(parts) < 2:
        return []
    rows = []
    for part in parts:
        bounds = row_range(part)
        rows.append(Row(part, *(bounds or (None, None))) if bounds else Row(part, None, None))
    ranged = [r for r in rows if r.low is not None or r.high is not None]
    return rows if len(ranged) >= 2 else []


def matching_row(sentence: str, value: float | None, measure: str | None = None) -> str | None:
    """The one row of `sentence` whose range holds `value` (None when the sentence has no rows or none matches). With
    the question's `measure` (question_measure), a row whose range counts something else is no match: "after 5 days"
    is not the row for 1 to 10 years of service."""
    if value is None:
        return None
    rows = [r for r in split_rows(sentence) if (r.low is not None or r.high is not None) and r.holds(value)
            and (measure is None or (row := _row_measure(r.text)) is None or row == measure)]
    if len(rows) != 1:
        return None
    return rows[0].text
