"""Knowledge and session follow-ups through the real ChatService over the sample KB and organisation (round-6 misses,
paraphrased): a part of the last rule, a new situation, and a trainer question right after a course's next session
(this fixture's knowledge base holds the leave and training policies; the expense and leadership follow-ups are
unit-tested in tests/unit/bot/test_followup_round6.py)."""

from __future__ import annotations

import pytest

from bot.messages import IncomingMessage


def say(chat, who: str, text: str, thread: str):
    return chat.handle(IncomingMessage(employee_id=who, text=text, channel="web", thread_id=thread))


@pytest.mark.parametrize(("thread", "first", "follow_up", "expected"), [
    ("r6-sick", "病假的工资是怎么算的？", "那5天以上的部分呢", "80%"),
    ("r6-resit", "考试不及格的话，多久之内要申请补考？", "如果补考也没过呢", "重新学习"),
])
def test_a_knowledge_follow_up_keeps_the_thread(chat, thread, first, follow_up, expected):
    assert say(chat, "E0147", first, thread).act == "answer"
    reply = say(chat, "E0147", follow_up, thread)
    assert reply.act == "answer" and expected in reply.text


def test_a_resit_deadline_is_quoted_in_natural_days(chat):
    reply = say(chat, "E0026", "考试没通过，补考得在多久内申请？", "r6-days")
    assert reply.act == "answer" and "7个自然日" in reply.text


def test_who_teaches_the_course_of_the_session_just_shown(chat):
    first = say(chat, "E0085", "When is the next Consultative Selling workshop?", "r6-session")
    assert first.act == "session_info" and first.subject.get("course") == "SAL-201"
    reply = say(chat, "E0085", "who's teaching that one?", "r6-session")
    assert reply.act == "session_info" and reply.subject.get("course") == "SAL-201" and "陈刚" in reply.text
