"""After a completion table, "只看销售部" / "just R&D" / "only marketing" narrows that report to the department; it is
not a question about the department's people (team progress), whatever the classifier's unsure first guess."""

from __future__ import annotations

from bot.messages import IncomingMessage


def say(chat, text: str, thread: str):
    """HR (E0168) typing in one web thread."""
    return chat.handle(IncomingMessage(employee_id="E0168", text=text, channel="web", thread_id=thread, shared=True))


def test_naming_a_department_after_a_completion_table_narrows_the_table(chat):
    first = say(chat, "上季度各部门培训完成率出个表给我", "narrow-zh")
    assert first.act == "completion_report" and first.subject.get("period") == "2026Q2"
    narrowed = say(chat, "只看销售部", "narrow-zh")
    assert narrowed.act == "completion_report", (narrowed.act, narrowed.text)
    assert narrowed.subject == {"department": "sales", "period": "2026Q2"}


def test_just_or_only_a_department_in_english_narrows_the_table_too(chat):
    assert say(chat, "completion by department last quarter", "narrow-en").act == "completion_report"
    for text, department in (("just R&D", "rnd"), ("only marketing", "mkt")):
        reply = say(chat, text, "narrow-en")
        assert reply.act == "completion_report" and reply.subject.get("department") == department, (text, reply.act)
