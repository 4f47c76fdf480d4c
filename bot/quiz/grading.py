"""Grading one answer: right or wrong, and what to say (a hint first, the key only after a second try)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.quiz.facts import number_value
from bot.quiz.model import LETTERS, QuizItem
from bot.quiz.text import normalise

_TRUE = {"true", "t", "yes", "y", "对", "正确", "是", "√"}
_FALSE = {"false", "f", "no", "n", "错", "错误", "不对", "否", "×"}


@dataclass(frozen=True)
class Grade:
    """Whether the answer was right, understood at all, and the learner-facing feedback."""

    correct: bool
    understood: bool


def read_answer(item: QuizItem, raw: str) -> str | None:
    """The answer in the item's own terms (a letter, true/false, the blank's words); None when unreadable."""
    text = unicodedata.normalize("NFKC", raw).strip()
    lowered = text.lower().rstrip("。.!！")
    if item.kind == "mcq":
        if len(lowered) == 1 and lowered.upper() in LETTERS:
            return lowered.upper()
        for letter, option in zip(LETTERS, item.options, strict=False):
            if normalise(option) == normalise(text):
                return letter
        return None
    if item.kind == "true_false":
        if lowered in _TRUE:
            return "true"
        if lowered in _FALSE:
            return "false"
        return None
    return text or None


def grade(item: QuizItem, raw: str) -> Grade:
    """Compare the learner's answer with the key; cloze answers match on meaning-bearing characters and numbers."""
    answer = read_answer(item, raw)
    if answer is None:
        return Grade(False, False)
    if item.kind == "cloze":
        return Grade(_cloze_matches(item.answer, answer), True)
    return Grade(answer == item.answer, True)


def _cloze_matches(key: str, answer: str) -> bool:
    """"30天" matches "30 天", "30" and "30 days", "五个步骤" matches "5", "五" and "5个"; terms match
    case-insensitively without spaces."""
    key_number = re.search(r"\d+(?:\.\d+)?", key)
    answer_number = re.search(r"\d+(?:\.\d+)?", answer)
    if key_number:
        return bool(answer_number) and float(key_number.group(0)) == float(answer_number.group(0))
    if (key_count := _count_of(key)) is not None:
        return key_count == (float(answer_number.group(0)) if answer_number else _count_of(answer.strip()))
    squeeze = lambda s: re.sub(r"[\s\-_'\"“”‘’]", "", normalise(s))  # noqa: E731
    return squeeze(key) == squeeze(answer) or (len(squeeze(answer)) >= 3 and squeeze(answer) in squeeze(key)
                                               and len(squeeze(answer)) >= 0.8 * len(squeeze(key)))


def _count_of(text: str) -> float | None:
    """The amount a count written in Chinese numerals states ("五个步骤" -> 5), None when it does not start with one."""
    m = re.match(r"[二两三四五六七八九十]{1,3}", text)
    return number_value(m.group(0)) if m else None
