"""Colleagues named by full name: the HR service says who carries the name and whom the asker may see; the
person becomes the subject of a person-taking tool, and two people sharing a name are asked about, not guessed."""

from __future__ import annotations

import logging
import re

from bot.dialogue.record_questions import EXAM_RECORD
from bot.routing import intents as I

log = logging.getLogger(__name__)

_GROUP_VIEWS = (I.TEAM_PROGRESS, I.COMPLETION_REPORT)  # a named person turns these into that person's view
_ABOUT_PROGRESS = re.compile(r"进度|进展|完成情况|完成得|学得|学习情况|培训情况|逾期|落后|怎么样|"
                             r"差多少|剩多少|学到哪|学了多少|完成了多少|"  # how far (not "还差哪几门": round 7)
                             r"\b(progress|doing|overdue|behind|status|how far|left to do|still to do)\b", re.IGNORECASE)
_EMPLOYEE_ID = re.compile(r"(?<![A-Za-z0-9])[Ee]\d{3,6}(?![0-9])")
_PROGRESS_VIEWS = (I.TEAM_PROGRESS, I.MY_PROGRESS)
# "孙勇洋's group", "just Sun's team", "王军团队的呢", "李娜手下的人": the people that person manages, not the person
_THEIR_GROUP = re.compile(r"^\s*的?\s*(团队|小组|组里|组员|手下|下属|那组|那个组|组(?!织))|"
                          r"^(?:'s|’s|s')?\s*(team|group|reports|people|org|unit|direct reports)\b", re.IGNORECASE)


def named_people(hr, caller, text: str) -> list:
    """The HR service's reading of who the text names; an HR service without the lookup names nobody."""
    lookup = getattr(hr, "people_named", None)
    if lookup is None:
        return []
    try:
        return list(lookup(caller, text))
    except Exception:
        log.exception("could not look up names in the message")
        return []


def names_in(hr, text: str) -> list[str]:
    """Employee names written in the text, to keep them out of language detection."""
    lookup = getattr(hr, "names_in", None)
    if lookup is None or not text:
        return []
    try:
        return list(lookup(text))
    except Exception:
        log.exception("could not look up names in the message")
        return []


def apply_named_person(resolved, people: list, caller, text: str, router, today, state=None) -> tuple:
    """Put the one person the message names into the resolved request; returns the candidates to ask about
    when the name is shared by several people the asker may see (empty otherwise). state: the thread's dialogue
    state (a name asked about right after a progress view is about that person's progress)."""
    if len(people) == 2:  # "刘平 on 孙勇洋's team": the other name only says whose team the person is in
        people = [p for p in people if not _names_their_group(p.name, text)]
    if len(people) != 1 or _EMPLOYEE_ID.search(text):
        return ()  # an id written out wins; two different names in one message are left to the router
    person = people[0]
    visible = [c for c in person.candidates if c.visible]
    previous = getattr(state, "intent", "") or ""
    if _names_their_group(person.name, text) and (resolved.intent in _PROGRESS_VIEWS or previous in _PROGRESS_VIEWS):
        return _their_team(resolved, person, visible, text, router, today)
    intent = _person_intent(resolved.intent, text, previous)
    if intent is None:
        return ()
    if intent != resolved.intent:
        resolved.intent = intent
        resolved.slots = {k: v for k, v in router.slots_for(intent, text, today).items()}
    for key in ("team", "department", "by"):
        resolved.slots.pop(key, None)
    resolved.needs_person = False
    if len(visible) > 1:
        resolved.slots.pop("employee", None)
        return tuple(visible)
    chosen = visible[0] if visible else person.candidates[0]  # nobody visible: HR refuses, naming no one
    resolved.slots["employee"] = chosen.id
    return ()


def _person_intent(intent: str, text: str, previous: str = "") -> str | None:
    """The tool that takes the named person: the routed one when it takes a person, else the person's progress
    (also for a question the router could not place, "黄悦杰具体差的是哪门", right after a progress view)."""
    from bot.tools.registry import get

    tool = get(intent)
    if tool is not None and "employee" in tool.slots:
        return intent
    if intent in _GROUP_VIEWS or (intent in (I.SEARCH_KNOWLEDGE, I.HELP)
                                  and (_ABOUT_PROGRESS.search(text) or EXAM_RECORD.search(text)
                                       or previous in _PROGRESS_VIEWS or previous == I.NUDGE_TEAM)):
        return I.MY_PROGRESS  # ("what about 刘平?" right after reminding people who are behind: how 刘平 is doing)
    return None


def _names_their_group(name: str, text: str) -> bool:
    """The message names the person's team ("孙勇洋's group", "王军团队"), not the person."""
    at = text.find(name)
    return at >= 0 and bool(_THEIR_GROUP.search(text[at + len(name):]))


def _their_team(resolved, person, visible: list, text: str, router, today) -> tuple:
    """The team view of the people the named manager manages (HR still decides whether the asker may see it)."""
    resolved.intent = I.TEAM_PROGRESS
    kept = {k: v for k, v in resolved.slots.items() if k in ("period", "only", "course")}
    resolved.slots = {**kept, **{k: v for k, v in router.slots_for(I.TEAM_PROGRESS, text, today).items()
                                 if k in ("period", "only", "course")}}
    resolved.needs_person = False
    if len(visible) > 1:
        return tuple(visible)
    chosen = visible[0] if visible else person.candidates[0]
    resolved.slots["team"] = chosen.id
    return ()


def which_one(people: tuple, department_names) -> tuple[str, str]:
    """"Two colleagues are called 吴芳: …; which one?" in both languages, listing only people the asker may see."""
    name = people[0].name
    zh = "、".join(f"{c.id}（{department_names(c.department_id)[0] or c.department_id}）" for c in people)
    en = ", ".join(f"{c.id} ({department_names(c.department_id)[1] or c.department_id})" for c in people)
    return (f"有 {len(people)} 位同事叫{name}：{zh}。你说的是哪一位？请回复工号。",
            f"{len(people)} colleagues are called {name}: {en}. Which one do you mean? Reply with the employee id.")
