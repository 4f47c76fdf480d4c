"""Key facts a question can be built on: numbers with units, defined terms, and rules (must / 必须)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.quiz.text import sentences_of
from retrieval.types import Passage

_ZH_UNITS = r"个工作日|工作日|个月|小时|学时|分钟|天|月|年|分|%|次|门|周|元|人|位|个字符|字符|条|级|道|轮|项|页|名"
_EN_UNITS = (r"working days|business days|days?|months?|years?|hours?|minutes?|characters|percent|%|times|weeks?|"
             r"points|words|attempts|questions|people|levels|pages?|sessions?|types?|parts?|steps?|lessons?|modules?")
WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "twelve": 12}
_EN_VALUE = r"\d+(?:\.\d+)?|" + "|".join(WORD_NUMBERS)
NUMBER_ZH = re.compile(rf"(?<![\d.A-Za-z-])(\d+(?:\.\d+)?)\s*({_ZH_UNITS})")
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


def number_spans(sentence: str) -> list[tuple[str, str, str]]:
    """(span, value, unit) of every number with a unit in a sentence."""
    found = [(m.group(0), m.group(1), m.group(2).lower()) for m in NUMBER_ZH.finditer(sentence)]
    found += [(m.group(0), m.group(1), _unit_family(m.group(2))) for m in NUMBER_EN.finditer(sentence)]
    return found


def number_value(span: str) -> float | None:
    """The amount a span states ("30天" -> 30, "four parts" -> 4)."""
    if m := re.search(r"\d+(?:\.\d+)?", span):
        return float(m.group(0))
    word = re.match(r"[A-Za-z]+", span.strip())
    return float(WORD_NUMBERS[word.group(0).lower()]) if word and word.group(0).lower() in WORD_NUMBERS else None


def with_value(span: str, value: float) -> str:
    """The span restated with another amount, keeping its unit and its way of writing numbers."""
    number = str(int(value)) if value == int(value) else f"{value:g}"
    if m := re.search(r"\d+(?:\.\d+)?", span):
        new = span[:m.start()] + number + span[m.end():]
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
