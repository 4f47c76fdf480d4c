"""Key facts a question can be built on: numbers with units, defined terms, and rules (must / 必须)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.quiz.text import sentences_of
from bot.routing.numbers import chinese_number
from retrieval.types import Passage

_ZH_UNITS = (r"个工作日|工作日|个月|小时|学时|分钟|天|月|年|分|%|次(?!性)|门|周|元|人|位|个字符|字符|条|级|道|轮|项|页|名|"
             r"个步骤|个部分|个阶段|个方面|个环节|个问题|类|步")
_ZH_NUMERALS = "二两三四五六七八九十"  # (not 一: "一次性", "一般", "一次完整的分析" are no counts)
_EN_UNITS = (r"working days|business days|days?|months?|years?|hours?|minutes?|characters|percent|%|times|weeks?|"
             r"points|words|attempts|questions|people|levels|pages?|sessions?|types?|parts?|steps?|lessons?|modules?")
WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "twelve": 12}
_EN_VALUE = r"\d+(?:\.\d+)?|" + "|".join(WORD_NUMBERS)
NUMBER_ZH = re.compile(rf"(?<![\d.A-Za-z-])(\d+(?:\.\d+)?)\s*({_ZH_UNITS})")
# a count in Chinese numerals ("五个步骤", "四类问题"), with units a count takes (not 分: "四分位距", "十分重要")
_ZH_COUNT_UNITS = r"个步骤|个部分|个阶段|个方面|个环节|个问题|个工作日|个月|类|步|天|年|次(?!性)|门|周|项|条|级|道|轮|名|位"
NUMBER_ZH_WORDS = re.compile(rf"(?<![第{_ZH_NUMERALS}])([{_ZH_NUMERALS}]{{1,3}})({_ZH_COUNT_UNITS})")
NUMBER_EN = re.compile(rf"(?<![\d.A-Za-z-])({_EN_VALUE})\s*({_EN_UNITS})(?![A-Za-z])", re.IGNORECASE)
# "- Term: definition" list items and "X是指Y" / "X is called Y" sentences.
_LIST_ITEM_START = re.compile(r"(?:^|\n|\s)[-*+]\s+")
_TERM_ITEM = re.compile(r"^\**([^:：\n*]{2,40}?)\**\s*[:：]\s*(.{8,})$", re.DOTALL)
_ZH_DEFINITION = re.compile(r"^(.{2,16}?)(?:是指|指的是|即)(.{6,})$")
_EN_MEANS = re.compile(r"^([A-Z][A-Za-z\- ]{2,40}?) (?:means|refers to|is defined as) (.{10,})$")
_EN_CALLED = re.compile(r"(?:is|are) called ([A-Za-z][A-Za-z\- ]{2,40}?)(?:[;,.]|$)")
_RULE = re.compile(r"必须|须|应当|应该|不得|禁止|不允许|严禁|\bmust\b|\bnever\b|mandatory|required|\bshall\b|not allowed|"
                   r"prohibited|\balways\b|\bdo not\b|\bonly\b|\bshould\b",
                   re.IGNORECASE)


@dataclass(frozen=True)
class Fact:
    """One checkable statement found in a chunk, with the span a question can ask about."""

    kind: Literal["number", "term", "rule"]
    sentence: str  # the sentence as it stands in the chunk
    span: str  # what the question hides (the number with its unit, the term); "" for rules
    unit: str  # unit of a number, "term" for terms, "" for rules
    group: str  # for terms: the list they come from, so distractors are siblings
    passage: Passage
    ask: str = ""  # for a table cell: what the row asks ("分析目的：时间趋势 → 推荐图表"), its siblings the column's cells


def number_spans(sentence: str) -> list[tuple[str, str, str]]:
    """(span, value, unit) of every number with a unit in a sentence."""
    found = [(m.group(0), m.group(1), m.group(2).lower()) for m in NUMBER_ZH.finditer(sentence)]
    found += [(m.group(0), m.group(1), m.group(2)) for m in NUMBER_ZH_WORDS.finditer(sentence)]
    found += [(m.group(0), m.group(1), _unit_family(m.group(2))) for m in NUMBER_EN.finditer(sentence)]
    return found


def number_value(span: str) -> float | None:
    """The amount a span states ("30天" -> 30, "五个步骤" -> 5, "four parts" -> 4)."""
    if m := re.search(r"\d+(?:\.\d+)?", span):
        return float(m.group(0))
    if (m := re.match(f"[{_ZH_NUMERALS}]+", span.strip())) and (value := chinese_number(m.group(0))) is not None:
        return float(value)
    word = re.match(r"[A-Za-z]+", span.strip())
    return float(WORD_NUMBERS[word.group(0).lower()]) if word and word.group(0).lower() in WORD_NUMBERS else None


def with_value(span: str, value: float) -> str:
    """The span restated with another amount, keeping its unit and its way of writing numbers."""
    number = str(int(value)) if value == int(value) else f"{value:g}"
    if m := re.search(r"\d+(?:\.\d+)?", span):
        new = span[:m.start()] + number + span[m.end():]
    elif m := re.match(f"[{_ZH_NUMERALS}]+", span.strip()):  # "五个步骤" -> "十个步骤"
        whole = value == int(value) and 0 < value <= 99
        new = (chinese_numeral(int(value)) if whole else number) + span.strip()[m.end():]
    else:
        word = re.match(r"[A-Za-z]+", span.strip()).group(0)
        names = {v: k for k, v in WORD_NUMBERS.items()}
        spelled = names.get(int(value), number) if value == int(value) else number
        spelled = spelled.capitalize() if word[0].isupper() else spelled
        new = span.replace(word, spelled, 1)
    return _agree_plural(new, value)


def _agree_plural(span: str, value: float) -> str:
    """"1 hours" -> "1 hour", "2 hour" -> "2 hours" for English units."""
    m = re.search(r"([A-Za-z]+)$", span)
    if not m or re.search(r"[\u4e00-\u9fff]", span) or m.group(1).lower() in WORD_NUMBERS:
        return span
    unit = m.group(1)
    if value == 1 and unit.endswith("s"):
        return span[:m.start()] + unit[:-1]
    if value != 1 and not unit.endswith("s"):
        return span[:m.start()] + unit + "s"
    return span


def _unit_family(unit: str) -> str:
    """One name per unit regardless of plural ("day"/"days" -> "days")."""
    unit = unit.lower()
    return unit if unit.endswith("s") or unit in ("%", "percent") else unit + "s"


def extract_facts(passages: list[Passage]) -> list[Fact]:
    """Every number, term and rule fact in the passages, in document order."""
    facts: list[Fact] = []
    for passage in passages:
        facts.extend(_term_facts(passage))
        facts.extend(_table_facts(passage))
        for sentence in sentences_of(passage.text):
            if len(sentence) < 8 or len(sentence) > 260 or "|" in sentence:
                continue
            spans = number_spans(sentence)
            for span, _value, unit in spans[:2]:
                facts.append(Fact("number", sentence, span, unit, "", passage))
            if _RULE.search(sentence):
                facts.append(Fact("rule", sentence, "", "", "", passage))
            if (m := _ZH_DEFINITION.match(sentence)) or (m := _EN_CALLED.search(sentence)):
                facts.append(Fact("term", sentence, m.group(1).strip(), "term", passage.chunk_id, passage))
    return facts


def _term_facts(passage: Passage) -> list[Fact]:
    """The "- Term: definition" list items; siblings of the same list make natural distractors."""
    out = []
    for piece in _LIST_ITEM_START.split(passage.text)[1:]:
        m = _TERM_ITEM.match(piece.strip())
        if m and len(m.group(1).strip()) <= 30 and not re.search(r"\d", m.group(1)):
            line = m.group(0).replace("**", "").strip()
            out.append(Fact("term", line, m.group(1).strip(), "term", passage.chunk_id, passage))
    return out


_SEPARATOR_ROW = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_MIN_ROWS = 4  # a cell's siblings in its column are the three distractors a multiple-choice item needs


def _table_facts(passage: Passage) -> list[Fact]:
    """Each cell of a table read as rows ("时间趋势 | 折线图" under "分析目的 | 推荐图表"): the row's first cell and the
    column's header say what is asked; the other rows' cells in that column are the distractors."""
    out: list[Fact] = []
    for number, table in enumerate(_tables(passage.text)):
        (_, header), rows = table[0], table[1:]
        if len(rows) < _MIN_ROWS:
            continue
        label = re.split(r"[。！？!?；;]|\.\s", header[0])[-1].strip()  # (a header run into the sentence before it)
        for line, cells in rows:
            arrow = "：" if re.search(r"[\u4e00-\u9fff]", line) else ": "
            for column in range(1, len(header)):
                value = cells[column]
                if not value or len(value) > 40 or line.count(value) != 1 or value == cells[0]:
                    continue
                out.append(Fact("term", line, value, "term", f"{passage.chunk_id}#table{number}:{column}", passage,
                                ask=f"{label}{arrow}{cells[0]} → {header[column]}"))
    return out


def _tables(text: str) -> list[list[tuple[str, list[str]]]]:
    """Runs of lines of the same number (2+) of "|"-separated cells: [(line, cells), ...], the header first."""
    tables, run = [], []
    for raw in text.splitlines():
        line = raw.strip()
        if _SEPARATOR_ROW.match(line) and run:
            continue
        cells = [c.strip() for c in line.strip("|").split("|")] if "|" in line else []
        if len(cells) >= 2 and (not run or len(cells) == len(run[0][1])):
            run.append((line, cells))
            continue
        if len(run) >= 2:
            tables.append(run)
        run = [(line, cells)] if len(cells) >= 2 else []
    if len(run) >= 2:
        tables.append(run)
    return tables


def chinese_numeral(value: int) -> str:
    """1..99 written in Chinese numerals ("五", "十二", "二十"), as a count is written in running text."""
    digits = "零一二三四五六七八九"
    if value < 10:
        return digits[value]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
