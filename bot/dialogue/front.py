"""The deterministic front of every turn: buttons, confirm/cancel of a pending change, quiz answers and quiz exit,
greetings. Nothing here guesses; whatever it does not recognise goes to the learned router (or the LLM)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.dialogue import phrases
from bot.dialogue.state import DialogueState
from bot.quiz.grading import read_answer
from bot.routing.slots import parse_answer

Kind = Literal["confirm", "stale_confirm", "cancel", "quiz_answer", "quiz_give_up", "quiz_exit", "quiz_resume",
               "quiz_maybe_answer",
               "quiz_question", "help", "thanks", "change_record", "route"]
_QUESTION = re.compile(r"[?？]|吗|什么|怎么|如何|为什么|多少|哪|\b(what|how|why|when|where|which|who|can|could|should|"
                       r"do|does|is|are)\b", re.IGNORECASE)
# words that hedge an answer attempt ("hmm, is it B?", "B吗？", "选C对吗") rather than ask something of their own
_HEDGE_ZH = re.compile(r"是不是|应该|可能|答案|这题|这道|我觉得|我猜|是|选|吗|呢|吧|啊|嗯|呀|对|不对|那|的|哦|额|呃")
_HEDGE_EN = frozenset(["a", "b", "c", "d", "is", "it", "its", "it's", "that", "that's", "the", "answer", "right", "correct", "maybe", "hmm", "um", "so", "or", "then", "i", "think", "guess", "option", "options", "choice", "again", "true", "false", "yes", "no", "ok", "okay"])


@dataclass(frozen=True)
class Decision:
    """What the front decided: its kind and what it carries (the pending change, the answer)."""

    kind: Kind
    value: dict[str, Any] = field(default_factory=dict)


def decide(text: str, action: dict | None, state: DialogueState, quiz_item) -> Decision:
    """One message (or button press) against the thread's state and the open quiz question (None when no quiz)."""
    if action:
        return _button(action, state)
    stripped = text.strip()
    if state.pending:
        if phrases.is_confirm(stripped):
            return Decision("confirm", state.pending)
        if phrases.is_cancel(stripped):
            return Decision("cancel", state.pending)
    if quiz_item is not None:
        if phrases.is_quiz_exit(stripped):
            return Decision("quiz_exit")
        if phrases.is_quiz_resume(stripped):
            return Decision("quiz_resume")
        if phrases.is_dont_know(stripped):
            return Decision("quiz_give_up")
        if _asks_something(stripped):
            return Decision("quiz_question")  # "等下，BANT里的A指的是啥？": answered, then the quiz resumes
        answer = _answer_to(quiz_item, stripped)
        if answer is not None:
            return Decision("quiz_answer", {"answer": answer})
        if quiz_item.kind == "cloze" and len(stripped) <= 30 and not _QUESTION.search(stripped):
            return Decision("quiz_maybe_answer", {"answer": stripped})
        if _wordless(stripped):
            return Decision("quiz_answer", {"answer": stripped})  # "2", "ok", "👍": graded, so the reply re-asks
    if phrases.is_thanks(stripped):
        return Decision("thanks")
    if phrases.asks_to_change_record(stripped):
        return Decision("change_record")
    if phrases.is_greeting(stripped):
        return Decision("help")
    if quiz_item is None and (phrases.BARE_EXIT.match(stripped) or phrases.leaves_a_named_quiz(stripped)):
        return Decision("quiz_exit")  # "退出" / "stop the quiz" with no quiz open: said so (the words had been read
        # as dropping a course, or as a quiz to start on "stop")
    return Decision("route")


def _asks_something(text: str) -> bool:
    """A question of its own asked mid-quiz, not an answer attempt phrased as one ("is it B?", "B吗？"): it asks,
    and beyond the option letters and hedges it still has words (five Chinese characters or three Latin words)."""
    if not _QUESTION.search(text):
        return False
    chinese = _HEDGE_ZH.sub("", "".join(re.findall(r"[\u4e00-\u9fff]", text)))
    words = [w for w in re.findall(r"[a-z]+", text.lower()) if w not in _HEDGE_EN]
    return len(chinese) >= 5 or len(words) >= 3 or (len(chinese) >= 2 and len(words) >= 1)


def _wordless(text: str) -> bool:
    """A reply with no words in it (digits, punctuation, emoji, at most two Latin letters): mid-quiz it can only be
    an attempt at the open question, never a request for the help text."""
    return bool(text) and not re.search(r"[\u4e00-\u9fff]", text) and len(re.findall(r"[A-Za-z]", text)) <= 2


def _button(action: dict, state: DialogueState) -> Decision:
    """A pressed button. A confirm carries only what the thread's own pending preview holds: a button value is
    written by the client, so a forged or stale one (another change, other people) is refused, never carried out."""
    kind = action.get("kind")
    value = action.get("value", action) or {}
    if not isinstance(value, dict):
        value = {}
    if kind == "confirm":
        if state.pending and (not value.get("op") or value == state.pending):
            return Decision("confirm", state.pending)
        return Decision("stale_confirm")
    if kind == "cancel":
        return Decision("cancel", value)
    if kind == "quiz_answer":
        return Decision("quiz_answer", {"answer": str(value.get("answer", ""))})
    return Decision("route")


def _answer_to(item, text: str) -> str | None:
    """The learner's answer when the message reads as one for this kind of question; None otherwise."""
    if item.kind == "cloze":
        return None  # free words: decided by the caller (a short non-question reply is an answer)
    if item.kind == "mcq" and read_answer(item, text) is not None:
        return text  # a letter or an option's exact words
    parsed = parse_answer(text)
    if parsed is None:
        return None
    if item.kind == "mcq" and parsed in "ABCD" and len(parsed) == 1:
        return parsed
    if item.kind == "true_false" and parsed in ("true", "false"):
        return parsed
    return None
