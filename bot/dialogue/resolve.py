"""Elliptical follow-ups inherit what they leave out: the previous tool, its subject, its course; a knowledge
question is rewritten to stand alone; a change of subject is said out loud."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bot.dialogue.state import DialogueState
from bot.followup import follow_up_focus, rewrite
from bot.routing import intents as I

# Tools whose replies are about people or figures: a short follow-up after one keeps asking the same tool.
DATA_TOOLS = ("my_progress", "team_progress", "explain_kpi", "completion_report", "specialist_kpis",
              "course_satisfaction", "course_health", "kirkpatrick", "recommend_courses", "course_catalog",
              "session_info")
_SCOPE_KEYS = ("employee", "team", "department")
_CONTINUATION = re.compile(r"^(那|那么|还有|另外|再|and\b|also\b|what about\b|how about\b|and what about\b|then\b)",
                           re.IGNORECASE)
_BACK_REFERENCE = re.compile(r"其中|这些|那些|这几个|他们|她们|里面|哪几个|\b(those|these|them|of those|which ones)\b",
                             re.IGNORECASE)
_THING = re.compile(r"它|这门|那门|这个课|那个课|这课|该课|\b(it|this course|that course|the course|this one|that one)\b",
                    re.IGNORECASE)
_PERSON = re.compile(r"(?<![其])他(?!们)|她(?!们)|\b(him|her)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"我(?!们)|\b(my|me|i|mine)\b", re.IGNORECASE)


@dataclass
class Resolved:
    """The tool to run, its arguments, the standalone question, and what to say about a change of subject."""

    intent: str
    slots: dict = field(default_factory=dict)
    standalone: str = ""
    announce: dict | None = None  # {"before": {...}, "after": {...}} when the person, team or department changed
    follow_up: bool = False


def is_elliptical(text: str) -> bool:
    """A message that leans on the previous turn: "那上季度呢？", "and transport?", "which of those are overdue?"."""
    stripped = text.strip()
    short = len(stripped) <= 12 if re.search(r"[\u4e00-\u9fff]", stripped) else len(stripped.split()) <= 5
    return bool(follow_up_focus(stripped) or _BACK_REFERENCE.search(stripped)
                or (short and (_CONTINUATION.search(stripped) or stripped.rstrip("?？ ").endswith("呢"))))


def resolve(routed, text: str, state: DialogueState, caller, router, today: date) -> Resolved:
    """Combine what the router read from this message with what the thread already established."""
    intent, slots = routed.intent, dict(routed.slots)
    elliptical = is_elliptical(text)
    follow_up = False
    keeps_tool = state.intent in DATA_TOOLS and (
        (elliptical and (intent in (I.SEARCH_KNOWLEDGE, I.HELP) or not routed.confident))
        or (_BACK_REFERENCE.search(text) and intent in ("my_progress", "team_progress")
            and state.intent in ("my_progress", "team_progress")))
    if keeps_tool:
        intent, follow_up = state.intent, True
        slots = {**_inheritable(state.args), **router.slots_for(intent, text, today)}
    elif elliptical and intent == state.intent and intent in DATA_TOOLS:
        follow_up = True
        slots = {**_inheritable(state.args), **slots}
    if slots.pop("own_department", None):
        slots["department"] = caller.department_id
    _fill_references(text, slots, state, router, intent)
    standalone = text.strip()
    if intent == I.SEARCH_KNOWLEDGE:
        standalone = _standalone_question(text, state, slots, router)
    announce = _announce(slots, state) if follow_up or intent == state.intent else None
    return Resolved(intent, slots, standalone, announce, follow_up)


def _inheritable(args: dict) -> dict:
    """The previous arguments a follow-up may keep: who and what it was about, not one-off filters."""
    return {k: v for k, v in args.items() if k not in ("only", "n", "answer", "question", "topic")}


def _fill_references(text: str, slots: dict, state: DialogueState, router, intent: str) -> None:
    """"it" / "这门课" means the course just discussed; "him" / "他" the person just discussed."""
    from bot.tools.registry import get

    tool = get(intent)
    wanted = tool.slots if tool is not None else ()
    previous = state.subject
    if "course" in wanted and not slots.get("course") and previous.get("course") and (
            _THING.search(text) or (is_elliptical(text) and intent in ("session_info", "enroll", "withdraw",
                                                                         "generate_quiz", "kirkpatrick"))):
        slots["course"] = previous["course"]
    if "employee" in wanted and not slots.get("employee") and previous.get("employee") and _PERSON.search(text) \
            and not _FIRST_PERSON.search(text):
        slots["employee"] = previous["employee"]


def _standalone_question(text: str, state: DialogueState, slots: dict, router) -> str:
    """The question as it would be asked with no conversation before it."""
    stripped = text.strip()
    rewritten = rewrite(stripped, state.question or None)
    if rewritten != stripped:
        return rewritten
    course = slots.get("course") or ""
    if not course and state.subject.get("course") and (_THING.search(stripped) or is_elliptical(stripped)):
        course = state.subject["course"]
        slots["course"] = course
    if course and not router.catalog.find_course(stripped):
        title = next((c for c in router.catalog.courses if c.code == course), None)
        zh = bool(re.search(r"[\u4e00-\u9fff]", stripped))
        name = (title.title_zh if zh else title.title_en) if title else course
        return f"{name or course}：{stripped}" if zh else f"{name or course}: {stripped}"
    if state.question and state.intent == I.SEARCH_KNOWLEDGE and is_elliptical(stripped):
        return f"{state.question} {stripped}"
    return stripped


def _announce(slots: dict, state: DialogueState) -> dict | None:
    """Say so when a follow-up moves to another person, team or department than the previous reply was about."""
    before = {k: state.subject[k] for k in _SCOPE_KEYS if state.subject.get(k)}
    after = {k: slots[k] for k in _SCOPE_KEYS if slots.get(k)}
    if not before or not after or before == after:
        return None
    return {"before": before, "after": after}
