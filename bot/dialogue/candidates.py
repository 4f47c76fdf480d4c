"""After the mentor asked which of several colleagues sharing a name was meant, the reply may name that person's
department ("销售部那个", "the one in sales") or position ("第二个", "the first one") instead of the employee id."""

from __future__ import annotations

import re

from bot.dialogue.state import DialogueState

AMONG = "among"  # clarify argument: [[employee id, department id], ...] in the order the mentor listed them
_ORDINALS = (
    (re.compile(r"第一(个|位)|头一个|\b(the )?first( one)?\b|\b1st\b", re.IGNORECASE), 0),
    (re.compile(r"第二(个|位)|\b(the )?second( one)?\b|\b2nd\b", re.IGNORECASE), 1),
    (re.compile(r"第三(个|位)|\b(the )?third( one)?\b|\b3rd\b", re.IGNORECASE), 2),
    (re.compile(r"最后一(个|位)|后一(个|位)|\b(the )?last( one)?\b", re.IGNORECASE), -1),
)
_LONG = 40  # a reply this long is a new request, not a choice among the listed people


def listed(candidates) -> list[list[str]]:
    """What a which-one clarify keeps in its arguments: each candidate's id and department, in the order shown."""
    return [[c.id, c.department_id] for c in candidates]


def chosen_candidate(state: DialogueState, text: str, catalog) -> str | None:
    """The employee id the reply picks among the people the last turn listed; None when it picks nobody (or two)."""
    among = (state.args or {}).get(AMONG) if state.act == "clarify" else None
    stripped = text.strip()
    if not among or not stripped or len(stripped) > _LONG:
        return None
    named = catalog.find_department(stripped)
    by_department = [pair[0] for pair in among if named is not None and named.value == pair[1]]
    if len(by_department) == 1:
        return by_department[0]
    if by_department:
        return None  # two listed people work in the named department: still ambiguous
    for pattern, index in _ORDINALS:
        if pattern.search(stripped) and -len(among) <= index < len(among):
            return among[index][0]
    return None

