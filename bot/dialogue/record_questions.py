"""A question about how far someone has got on a course or how their official exams went ("CMP-101还差多少",
"他CS-101考了几次，最后多少分", "how many times did he take the CS-101 exam?") is that person's progress on the
course: read alone, its words are those of a policy question ("考几次", "how many times ... exam")."""

from __future__ import annotations

import re

from bot.dialogue.state import DialogueState
from bot.routing import intents as I

# how far a person has got ("还差多少", "学到哪了", "how much is left"): progress, never a change to make
HOW_FAR = re.compile(r"还差|差多少|差几|还剩|剩多少|剩下多少|学到哪|学了多少|完成了多少|进度(怎么样|如何|多少|到哪)|"
                     r"\b(how far|how much (is |has |have )?(left|remaining)|progress (on|in|with)|"
                     r"(what'?s|what is|how'?s|how is) (his|her|their|[a-z]+'s) progress)\b", re.IGNORECASE)
# how someone's official exams went, in the past tense: "考了几次", "最后多少分", "what did she score" (a rule asks
# in the present or the future: "正式考试一共能考几次？", "how many times can I retake it?")
EXAM_RECORD = re.compile(r"考了几次|考过几次|考了多少|考了几分|考得怎么样|考得如何|考过了吗|考过没|最后多少分|最后几分|"
                         r"得了多少分|拿了多少分|几次才过|成绩(怎么样|如何|多少|是多少)|"
                         r"\b(how many (times|attempts|tries) did|how did (he|she|they|i|[a-z0-9]+|[\u4e00-\u9fff]{2,4}) "
                         r"do (on|in)|what did (he|she|they|i|[a-z0-9]+|[\u4e00-\u9fff]{2,4}) (score|get)|"
                         r"(his|her|their|my) (exam )?(score|scores|"
                         r"result|results|attempts|mark|marks)\b|did (he|she|they|i) pass\b|"
                         r"did (he|she|they|i) (take|sit|do) (it|the exam|the test|its exam)|"
                         r"(has|have) (he|she|they|i) (taken|sat|passed) (it|the exam|the test|its exam))", re.IGNORECASE)
_ASKING = re.compile(r"[?？]|吗|什么|怎么|如何|多少|几|哪|没|\b(what|how|which|did|is|has)\b", re.IGNORECASE)
_RULE = re.compile(r"能考|可以考|可考|允许|规定|制度|政策|会怎样|怎么办|如果|\b(can|may|allowed|policy|rule|rules|if)\b",
                   re.IGNORECASE)
_PERSON = re.compile(r"(?<![其])他(?!们)|她(?!们)|我(?!们)|\b(he|she|him|her|his|i|me|my|mine)\b", re.IGNORECASE)
_EMPLOYEE_ID = re.compile(r"(?<![A-Za-z0-9])[Ee]\d{3,6}(?![0-9])")
_PROGRESS_VIEWS = ("my_progress",)


# when a course is due for the person asking ("when is ONB-101 due", "SEC-101啥时候截止"): their enrollment's due date
_DUE = re.compile(r"截止|到期|due\b|deadline", re.IGNORECASE)
_SESSION_WORDS = re.compile(r"几点|在哪|哪里|地点|教室|讲师|名额|上课|开课|场|\b(where|room|venue|trainer|seats?|session|"
                            r"class(es)?|start|starts|begin|begins)\b", re.IGNORECASE)


def _movable(intent: str) -> bool:
    """A reading a record question may override: a search, help, or a course tool that neither reports figures nor
    makes a change (a quiz, a rating, the sessions); reports and changes keep their own reading."""
    from bot.tools.registry import get

    if intent in (I.SEARCH_KNOWLEDGE, I.HELP):
        return True
    tool = get(intent)
    return tool is not None and not tool.figures and tool.confirm is None and "course" in tool.slots


def asks_when_due(routed, text: str) -> bool:
    """A course's due date read as its sessions, or asked of "my" course: a due date belongs to the person's
    enrollment (a self-study course has no sessions, and a live one's session day is not its deadline)."""
    if not _DUE.search(text) or _SESSION_WORDS.search(text) or _RULE.search(text):
        return False  # ("我的SEC-101过了截止日期怎么办" asks the rule)
    if "session_info" in (routed.intent, routed.best):  # (unsure: the classifier's first guess)
        return True
    return bool(_MINE.search(text)) and bool(routed.slots.get("course")) and _movable(routed.intent)


_MINE = re.compile(r"我的|\bmy\b", re.IGNORECASE)


def asks_about_a_record(routed, text: str, state: DialogueState) -> bool:
    """The message asks how far a person has got on a course, or how their exams in it went; it names the course
    (or the thread is on one), and a person (an id, he/she/I) or the thread is on one person's progress (a colleague
    named by name is placed by `people.apply_named_person`)."""
    if routed.intent in ("my_progress", "team_progress") or (routed.confident and not _movable(routed.intent)):
        return False
    if not (EXAM_RECORD.search(text) or (HOW_FAR.search(text) and _ASKING.search(text))) or _RULE.search(text):
        return False
    if not (routed.slots.get("course") or state.subject.get("course")):
        return False
    about_someone = bool(_EMPLOYEE_ID.search(text) or _PERSON.search(text))
    return about_someone or state.intent in _PROGRESS_VIEWS and state.act == "progress"
