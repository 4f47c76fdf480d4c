"""A short, faithful gloss for a sentence quoted in the other language: its known terms and its quantities.

An English reader shown "女员工生育享受98天产假" gets "(gloss: 产假 = maternity leave; 98天 = 98 days)". Only
dictionary terms from the bilingual lexicon and numbers with a unit from a fixed table are glossed, never a machine
paraphrase of the whole sentence, so the gloss cannot change what the rule says."""

from __future__ import annotations

import re

from bot.answering.rows import parse_number
from retrieval.crosslingual import Lexicon

MAX_TERMS = 4
# Chinese unit -> English unit (singular, plural), and back
_ZH_UNITS = {"个工作日": ("working day", "working days"), "工作日": ("working day", "working days"),
             "个自然日": ("calendar day", "calendar days"),
             "自然日": ("calendar day", "calendar days"), "天": ("day", "days"), "日": ("day", "days"),
             "小时": ("hour", "hours"), "学时": ("training hour", "training hours"), "周": ("week", "weeks"),
             "周岁": ("year old", "years old"), "岁": ("year old", "years old"),  # age, not "3周" = 3 weeks
             "个月": ("month", "months"), "年": ("year", "years"), "元": ("yuan", "yuan"),
             "万元": ("×10,000 yuan", "×10,000 yuan"), "次": ("time", "times"), "分": ("point", "points"),
             "分钟": ("minute", "minutes"),  # a duration, not "30分" = 30 points
             "%": ("%", "%"), "％": ("%", "%")}
_EN_UNITS = {"working day": "个工作日", "business day": "个工作日", "calendar day": "个自然日", "day": "天",
             "hour": "小时", "week": "周", "month": "个月", "year": "年", "rmb": "元", "yuan": "元", "percent": "%",
             "time": "次", "minute": "分钟"}
_EN_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30}
_ZH_QUANTITY = re.compile(r"(\d+(?:\.\d+)?)\s*(" + "|".join(sorted(map(re.escape, _ZH_UNITS), key=len, reverse=True)) + ")")
_EN_QUANTITY = re.compile(r"\b(\d+(?:\.\d+)?|" + "|".join(_EN_WORDS) + r")\s*(working days?|business days?|calendar "
                          r"days?|days?|hours?|weeks?|months?|years?|rmb|yuan|percent|times|minutes?)\b", re.I)
_EN_MONEY = re.compile(r"\bRMB\s*(\d+(?:,\d{3})*(?:\.\d+)?)", re.I)  # "RMB 1.2", "RMB 10,000"
# the topic a follow-up was placed in ("信息安全基础：", "Expense Policy: "): context the dialogue added, not words asked
_TOPIC_PREFIX = re.compile(r"^[^:：?？。，,]{2,60}[：:]\s*")
_TRIVIAL = {"可以", "能", "允许", "需要", "必须", "要求", "标准", "申请", "提交", "至少", "最多", "以内", "超过", "期间"}


def gloss(sentence: str, sentence_language: str, reader_language: str, lexicon: Lexicon, question: str = "") -> str | None:
    """The gloss to show after a quoted sentence, or None when it is in the reader's language or nothing is known.

    Terms the question asked about are glossed first (and alone, when the sentence has any), so the reader sees the
    words they asked about, not every dictionary word in the rule."""
    if sentence_language == reader_language:
        return None
    question = _TOPIC_PREFIX.sub("", question, count=1)  # "Data Analysis Basics: what's DATA-101 about?" asks no term
    if sentence_language == "zh":
        groups, _ = lexicon.translate_groups(question)
        focus = frozenset(term for group in groups for term in group)
        parts = _zh_terms(sentence, lexicon, focus) + _zh_inclusions(sentence) + _zh_quantities(sentence)
        return f"(gloss: {'; '.join(parts)})" if parts else None
    parts = _en_terms(sentence, lexicon, question) + _en_quantities(sentence)
    return f"（释义：{'；'.join(parts)}）" if parts else None


def _zh_terms(sentence: str, lexicon: Lexicon, focus: frozenset[str]) -> list[str]:
    """Chinese lexicon terms in the sentence with their first English equivalent: the question's terms first, then
    other terms of two or more characters, longest first."""
    found: list[str] = []
    terms = [t for t in sorted(lexicon.zh_to_en, key=lambda t: (t not in focus, -len(t)))
             if len(t) >= 2 and t in sentence and t not in _TRIVIAL]
    if any(t in focus for t in terms):
        terms = [t for t in terms if t in focus]
    seen: set[str] = set()
    for term in terms:
        if any(term in kept for kept in seen):
            continue
        seen.add(term)
        found.append(f"{term} = {lexicon.zh_to_en[term][0]}")
        if len(found) >= MAX_TERMS:
            break
    return found


def _en_terms(sentence: str, lexicon: Lexicon, question: str) -> list[str]:
    """English lexicon phrases in the sentence with a Chinese equivalent (only those the Chinese question uses, when
    the sentence has any of them)."""
    groups, _ = lexicon.translate_groups(sentence)
    asked = [g for g in groups if any(t in question for t in g)]
    if asked:
        groups = [[next(t for t in g if t in question)] for g in asked]
    out: list[str] = []
    for group in groups:
        chinese = group[0]
        if chinese in _TRIVIAL or any(chinese in o for o in out):
            continue
        english = next((en for en in lexicon.zh_to_en.get(chinese, []) if en.lower() in sentence.lower()), None)
        if english:
            out.append(f"{english} = {chinese}")
        if len(out) >= MAX_TERMS:
            break
    return out


_ZH_INCLUDES = re.compile(r"[（(]\s*(不含|不包括|含|包括|包含)")
_INCLUDES_EN = {"不含": "excluding", "不包括": "excluding", "含": "including", "包括": "including", "包含": "including"}


def _zh_inclusions(sentence: str) -> list[str]:
    """'婚假15天（含公休日）' -> '含 = including': whether a count takes in what the bracket names is the point of it."""
    found = []
    for word in _ZH_INCLUDES.findall(sentence):
        item = f"{word} = {_INCLUDES_EN[word]}"
        if item not in found:
            found.append(item)
    return found


_ZH_DATE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})\s*年(?!\s*(?:以上|以下|以内|内))|"
                      r"(?<![\d个])(\d{1,2})\s*月份?(?!\s*\d)")  # a month alone ("9月至11月"), not "6个月"
_ZH_DAY_OF_MONTH = re.compile(r"每个?月\s*(\d{1,2})\s*[日号]")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _zh_dates(sentence: str) -> tuple[list[str], str]:
    """'3月31日' -> '3月31日 = 31 March', '2026年' -> '2026年 = 2026' (a date, not '31 days' or '2026 years'), '9月' ->
    '9月 = September', and the sentence with the dates taken out so their numbers are not read again as quantities."""
    out = []
    for match in _ZH_DAY_OF_MONTH.finditer(sentence):  # "每月15日" is a day of the month, not 15 days
        day = int(match.group(1))
        suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        out.append(f"{match.group(0)} = the {day}{suffix} of each month")
    sentence = _ZH_DAY_OF_MONTH.sub(" ", sentence)
    for match in _ZH_DATE.finditer(sentence):
        year, month, day, bare_year, bare_month = match.groups()
        if bare_year:
            english = bare_year
        elif bare_month:
            if not 1 <= int(bare_month) <= 12:
                continue
            english = _MONTHS[int(bare_month) - 1]
        elif 1 <= int(month) <= 12:
            english = f"{int(day)} {_MONTHS[int(month) - 1]}" + (f" {year}" if year else "")
        else:
            continue
        item = f"{match.group(0)} = {english}"
        if item not in out:
            out.append(item)
    return out, _ZH_DATE.sub(" ", sentence)


# a count written in Chinese numerals with its measure word ("至少满足三个", "两项"): glossed as the number
_ZH_COUNT = re.compile(r"(?<![一二两三四五六七八九十百千万统])([二两三四五六七八九十]|十[一二三四五六七八九]|[二三四五六七八九]十)"
                       r"(个|项|条|种|类|名|位|门|次)(?!月|小时|工作日|自然日)")


def _zh_quantities(sentence: str) -> list[str]:
    """'98天' -> '98天 = 98 days', '三个' -> '三个 = 3'; dates are glossed as dates."""
    out, sentence = _zh_dates(sentence)
    for number, unit in _ZH_QUANTITY.findall(sentence):
        singular, plural = _ZH_UNITS[unit]
        english = f"{number}{unit if unit in '%％' else ' ' + (singular if number == '1' else plural)}"
        item = f"{number}{unit} = {english}"
        if item not in out:
            out.append(item)
    for numeral, word in _ZH_COUNT.findall(sentence):
        value = parse_number(numeral)
        item = f"{numeral}{word} = {value:g}{' times' if word == '次' else ''}" if value else ""
        if item and item not in out:
            out.append(item)
    return out[:MAX_TERMS]


def _en_quantities(sentence: str) -> list[str]:
    """'12 weeks' -> '12 weeks = 12周', 'RMB 600' -> 'RMB 600 = 600元'."""
    out = []
    for number, unit in _EN_QUANTITY.findall(sentence):
        value = str(_EN_WORDS.get(number.lower(), number))
        key = unit.lower().rstrip("s") if unit.lower() not in ("times",) else "time"
        item = f"{number} {unit} = {value}{_EN_UNITS.get(key, '')}"
        if item not in out:
            out.append(item)
    for amount in _EN_MONEY.findall(sentence):
        item = f"RMB {amount} = {amount.replace(',', '')}元"
        if item not in out:
            out.append(item)
    return out[:MAX_TERMS]
