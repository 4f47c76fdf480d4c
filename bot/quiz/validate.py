"""The support check: an item is kept only when its cited chunk proves the key and rules out the distractors."""

from __future__ import annotations

from bot.quiz.model import BLANK, LETTERS, QuizItem
from bot.quiz.text import contains, normalise


def bigram_overlap(a: str, b: str) -> float:
    """Share of a's character bigrams found in b (0-1): how much of a statement the evidence carries."""
    a, b = normalise(a), normalise(b)
    grams = {a[i:i + 2] for i in range(len(a) - 1)}
    if not grams:
        return 0.0
    return len(grams & {b[i:i + 2] for i in range(len(b) - 1)}) / len(grams)


def problems(item: QuizItem, chunk_text: str | None) -> list[str]:
    """Every reason the item cannot be trusted; empty means valid."""
    if chunk_text is None:
        return ["cited chunk not found"]
    issues = []
    if not item.question.strip():
        issues.append("empty question")
    if not contains(chunk_text, item.evidence):
        issues.append("evidence is not in the cited chunk")
    if item.kind == "mcq":
        issues += _mcq_problems(item)
    elif item.kind == "true_false":
        issues += _true_false_problems(item, chunk_text)
    elif item.kind == "cloze":
        issues += _cloze_problems(item)
    else:
        issues.append(f"unknown kind {item.kind}")
    if item.difficulty not in (1, 2, 3):
        issues.append("difficulty must be 1-3")
    return issues


def _mcq_problems(item: QuizItem) -> list[str]:
    """Four distinct options, one of them supported by the evidence and the other three not."""
    issues = []
    if len(item.options) != 4:
        return ["a multiple-choice item needs exactly 4 options"]
    if len({normalise(o) for o in item.options}) != 4 or any(not o.strip() for o in item.options):
        issues.append("options are not distinct")
    if item.answer not in LETTERS:
        return issues + ["answer is not a letter A-D"]
    key = item.correct_text
    distractors = [o for o in item.options if o != key]
    if BLANK in item.stem:
        if not contains(item.evidence, item.stem.replace(BLANK, key)):
            issues.append("the key does not complete the evidence")
        if any(contains(item.evidence, item.stem.replace(BLANK, d)) for d in distractors):
            issues.append("a distractor also completes the evidence")
    else:
        if not contains(item.evidence, key):
            issues.append("the key is not in the evidence")
        if any(contains(item.evidence, d) for d in distractors):
            issues.append("a distractor is also in the evidence")
        if item.stem and item.origin == "fact" and not contains(item.evidence, item.stem):
            issues.append("the described statement is not in the evidence")
    return issues


def _true_false_problems(item: QuizItem, chunk_text: str) -> list[str]:
    """A true statement must stand in the chunk; a false one must not, yet be about the evidence."""
    statement = item.stem or item.question
    if item.answer not in ("true", "false"):
        return ["answer must be true or false"]
    if item.answer == "true":
        if item.origin == "fact" and not contains(chunk_text, statement):
            return ["a true statement is not in the chunk"]
        if item.origin == "llm" and bigram_overlap(statement, item.evidence) < 0.7:
            return ["a true statement is not carried by the evidence"]
        return []
    if contains(chunk_text, statement):
        return ["a false statement appears verbatim in the chunk"]
    if bigram_overlap(statement, item.evidence) < 0.5:
        return ["a false statement is not about the evidence"]
    return []


def _cloze_problems(item: QuizItem) -> list[str]:
    """The blank's words must complete the evidence."""
    if BLANK not in item.stem:
        return ["a cloze item needs a blank"]
    if not item.answer.strip() or not contains(item.evidence, item.stem.replace(BLANK, item.answer)):
        return ["the key does not complete the evidence"]
    return []
