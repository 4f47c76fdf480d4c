"""GIFT export: the plain-text quiz format Moodle and other LMSs import."""

from __future__ import annotations

import re

from bot.quiz.model import BLANK, Quiz, QuizItem

_SPECIAL = re.compile(r"([~=#{}:\\])")


def escape(text: str) -> str:
    """Backslash the characters GIFT gives meaning to (~ = # { } :)."""
    return _SPECIAL.sub(r"\\\1", text)


def _item(item: QuizItem, number: int) -> str:
    """One GIFT question block."""
    title = f"::Q{number} {escape(item.heading or item.title)}::"
    feedback = f"####{escape(item.explanation)}"
    if item.kind == "mcq":
        choices = " ".join(("=" if o == item.correct_text else "~") + escape(o) for o in item.options)
        return f"{title}{escape(item.question)} {{{choices} {feedback}}}"
    if item.kind == "true_false":
        return f"{title}{escape(item.question)} {{{'TRUE' if item.answer == 'true' else 'FALSE'}{feedback}}}"
    before, _, after = item.question.partition(BLANK)
    return f"{title}{escape(before)}{{={escape(item.answer)}{feedback}}}{escape(after)}"


def to_gift(quiz: Quiz) -> str:
    """The whole quiz as GIFT text, one blank line between questions."""
    header = f"$CATEGORY: $course$/Mentor/{quiz.course or quiz.topic}\n\n"
    return header + "\n\n".join(_item(item, n) for n, item in enumerate(quiz.items, 1)) + "\n"
