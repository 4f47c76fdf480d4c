"""An experiment measured and not kept (eval/routing/README.md, "Issue 11, round h11i"): more training lines from the
labelled ones, a course code, course title or department name in a request swapped for others of the same kind, so a
label whose lines happen to name one course or one department learns the request, not the name. Search and help
lines are left alone. `python -m eval.routing.cross_validate --augment` scores it (each fold augments only its own
training lines). It raised leave-one-set-out accuracy (0.975 -> 0.980) but lost conversations, so the router does not
train on it. Names: the sample organisation's courses and the generic department list (bot/routing/department_words.py).
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from bot.routing import intents as I
from bot.routing.department_words import _ZH_TO_EN

COPIES = 2  # swapped copies per name found in a line
_SEED = 11
_CODE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2,6}-\d{3}(?![0-9])")
_CJK = "\u4e00-\u9fff"


def _vocabulary() -> tuple[list[str], list[str], list[str], list[str], list[str]]:
    """Course codes, Chinese and English titles; Chinese and English department names."""
    from hr.samples.catalog import COURSES, DEPARTMENTS

    codes = [c[0] for c in COURSES]
    titles_zh = [c[1] for c in COURSES]
    titles_en = [c[2] for c in COURSES]
    departments_zh = sorted({name for _, name, _ in DEPARTMENTS} | {zh + "部" for zh, _ in _ZH_TO_EN if zh != "总部"},
                            key=lambda name: (-len(name), name))
    departments_en = sorted({en for _, en in _ZH_TO_EN} | {"HR", "Ops"}, key=lambda name: (-len(name), name))
    return codes, titles_zh, titles_en, departments_zh, departments_en


def _others(name: str, options: Sequence[str], rng: random.Random) -> list[str]:
    """COPIES names of the same kind other than this one."""
    others = [o for o in options if o.lower() != name.lower()]
    return rng.sample(others, min(COPIES, len(others)))


def variants(text: str, rng: random.Random, vocabulary=None) -> list[str]:
    """The line with its course code, course title and department name (each if present) swapped."""
    codes, titles_zh, titles_en, departments_zh, departments_en = vocabulary or _vocabulary()
    out = []
    code = _CODE.search(text)
    if code:
        out += [text[:code.start()] + o + text[code.end():] for o in _others(code.group(), codes, rng)]
    lowered = text.lower()
    for group in (titles_zh, titles_en, departments_zh):
        for name in sorted(group, key=lambda name: (-len(name), name)):
            at = lowered.find(name.lower())
            if at >= 0:
                out += [text[:at] + o + text[at + len(name):] for o in _others(name, group, rng)]
                break
    if not any(title.lower() in lowered for title in titles_en):  # "Sales" in "Sales Fundamentals" is a course
        for name in departments_en:
            found = re.search(rf"(?<![A-Za-z{_CJK}]){re.escape(name)}(?![A-Za-z{_CJK}])", text, re.IGNORECASE)
            if found:
                out += [text[:found.start()] + o + text[found.end():] for o in _others(name, departments_en, rng)]
                break
    return out


def augment(pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """(intent, text) pairs plus the swapped copies of every request line, in a fixed order."""
    rng = random.Random(_SEED)
    vocabulary = _vocabulary()
    seen = {text for _, text in pairs}
    extra = []
    for intent, text in pairs:
        if intent in (I.SEARCH_KNOWLEDGE, I.HELP):
            continue
        for variant in variants(text, rng, vocabulary):
            if variant not in seen:
                seen.add(variant)
                extra.append((intent, variant))
    return list(pairs) + extra
