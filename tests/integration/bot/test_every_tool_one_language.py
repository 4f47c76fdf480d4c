"""Item 7 across the registry: every tool's own example request, asked in Chinese and in English by each role, gets a
reply in that language only: no raw enum values, no None, no unrounded floats, no Chinese labels in English."""

from __future__ import annotations

import re

import pytest

from bot.messages import IncomingMessage
from bot.present import words
from bot.tools.registry import examples_for_role

ROLES = {"employee": "E0012", "manager": "E0003", "hr": "E0168", "training_specialist": "E0165"}
RAW = re.compile(r"\b(in_progress|below_target|not_counted|quiet_hours|already_nudged_today|delivery_failed|"
                 r"training_specialist|None|null|True|False)\b|\[(penalty|bonus)\]")
ENGLISH_WORDS = re.compile(r"\b(completed|overdue|enrolled|redesign|promote|penalty|excellent|Completion rate|Policy|"
                           r"target|Hint|Correct|Not quite|Sources)\b")
LONG_FLOAT = re.compile(r"\d+\.\d{3,}")
# the Chinese side of every machine-value label: none may appear in an English reply
CHINESE_LABELS = {zh for table in (words._STATUS, words._VERDICT, words._SKIP, words._FORMAT)
                  for zh, _ in table.values() if len(zh) >= 2} | {"完成率", "达标线", "依据", "来源", "提示"}


def _english_only_parts(text: str) -> str:
    """The reply without quoted material (knowledge base passages and course titles may stay as written)."""
    text = re.sub(r"“[^”]*”|\"[^\"]*\"|《[^》]*》", " ", text)
    return "\n".join(line for line in text.splitlines() if not re.search(r"\[\d+\]", line))


@pytest.mark.parametrize("role", sorted(ROLES))
def test_every_tool_example_is_answered_in_one_language(chat, role):
    who = ROLES[role]
    for language in ("zh", "en"):
        examples = examples_for_role(role, language)
        assert len(examples) >= 5, (role, language, examples)  # every offered tool brings its example
        for n, example in enumerate(examples):
            reply = chat.handle(IncomingMessage(employee_id=who, text=example, channel="web",
                                                thread_id=f"lang-{role}-{language}-{n}"))
            text = reply.text
            assert not RAW.search(text), (role, language, example, text)
            assert not LONG_FLOAT.search(text), (role, language, example, text)
            if language == "zh":
                stripped = re.sub(r"“[^”]*”|《[^》]*》|\"[^\"]*\"", " ", text)
                stripped = "\n".join(ln for ln in stripped.splitlines() if not re.search(r"\[\d+\]", ln))
                assert not ENGLISH_WORDS.search(stripped), (role, example, text)
            else:
                body = _english_only_parts(text)
                assert not any(label in body for label in CHINESE_LABELS), (role, example, text)
