"""A bare "yes" / "好的" with no change awaiting confirmation: say nothing is pending and ask what the person
means, about the thread's subject when there is one, instead of reciting the help text."""

from __future__ import annotations

from bot.dialogue.phrases import is_confirm
from bot.dialogue.state import DialogueState

_OFFERS = {  # what the last reply offered, by its act: the next step a "yes" most likely wants
    "enroll_refused": ("要我列出你可以报名的课程吗？说“我能报名哪些课程”。",
                       "Shall I list the courses you can enroll in? Say \"what courses can I sign up for\"."),
    "session_info": ("要报名其中一场吗？说“报名”并说日期。", "Want to book one of those sessions? Say \"book me\" and the date."),
    "progress": ("要我推荐接下来学什么吗？说“推荐课程”。", "Shall I suggest what to learn next? Say \"recommend courses\"."),
    "quiz_exit": ("要再做一次练习吗？说“考考我”。", "Another practice round? Say \"quiz me\"."),
    "abstain": ("可以换个说法再问，或者说“帮助”看我能做什么。", "Try asking another way, or say \"help\" to see what I can do."),
}


def bare_acknowledgement(text: str) -> bool:
    """Only a yes/ok ("yes", "ok thanks", "好的"): nothing asked, nothing named."""
    return is_confirm(text)


def acknowledgement_reply(state: DialogueState, language: str) -> str:
    """Nothing is waiting for a yes: relate it to the last offer, else ask what is meant, in the person's language."""
    zh = language == "zh"
    lead = "好的。不过现在没有等你确认的操作。" if zh else "OK. There is nothing waiting for your confirmation right now."
    offer = _OFFERS.get(state.act)
    if offer:
        return f"{lead}{offer[0]}" if zh else f"{lead} {offer[1]}"
    course = state.subject.get("course", "")
    if course:
        return (f"{lead}关于 {course}，你想接着做什么？比如查场次、报名、练习题或问课程内容。" if zh else
                f"{lead} What would you like to do next about {course}? For example its sessions, enrolling, a practice "
                "quiz or a question about its content?")
    return f"{lead}你指的是什么？告诉我你想做的事，例如“我的学习进度”。" if zh else \
        f"{lead} What do you mean? Tell me what you would like to do, e.g. \"my progress\"?"
