"""Round-8 requests through the real ChatService over the sample organisation (paraphrased, general forms): a
department's KPI in everyday words, progress asked right after an enrollment, a session's time after its dates,
the last reply again in another language, an employee enrolling a colleague, a specialist's own KPI, "who is my
manager", a report regrouped keeping its period, colleagues written in pinyin."""

from __future__ import annotations

import re

import pytest

from bot.messages import IncomingMessage


def say(chat, who: str, text: str, thread: str, action: dict | None = None):
    return chat.handle(IncomingMessage(employee_id=who, text=text, channel="web", thread_id=thread, action=action))


def chinese(text: str) -> int:
    return len(re.findall(r"[\u4e00-\u9fff]", text))


def test_a_departments_training_standing_in_everyday_words_then_another_quarter(chat):
    first = say(chat, "E0168", "研发部这季度部门绩效里培训那块达标了吗", "r8-dkpi")
    assert first.act == "department_kpi" and first.subject.get("department") == "rnd"
    assert first.subject.get("period") == "2026Q3" and "90%" in first.text
    second = say(chat, "E0168", "Q2呢", "r8-dkpi")
    assert second.act == "department_kpi" and second.subject == {"department": "rnd", "period": "2026Q2"}


def test_how_far_a_report_has_got_right_after_enrolling_another(chat):
    assert say(chat, "E0010", "帮朱芳报名AI-101", "r8-far").act == "enroll_preview"
    reply = say(chat, "E0010", "王超的SEC-101呢，还差多少", "r8-far")
    assert reply.act == "progress" and reply.subject.get("employee") == "E0018" and "5%" in reply.text


def test_what_time_a_session_starts_after_its_dates(chat):
    first = say(chat, "E0085", "When is the next Consultative Selling workshop?", "r8-time")
    assert first.act == "session_info"
    reply = say(chat, "E0085", "what time does it start", "r8-time")
    assert reply.act == "session_info" and reply.subject.get("course") == "SAL-201"


def test_the_last_reply_again_in_english_then_in_chinese(chat):
    first = say(chat, "E0147", "年假一年有几天？", "r8-lang")
    assert first.act == "answer" and chinese(first.text) > 20
    english = say(chat, "E0147", "Can you say that in English? 我要转给外籍同事看", "r8-lang")
    assert english.act == "answer" and english.tools[0].name == "search_knowledge"
    assert english.text.startswith("Here is what the knowledge base says")
    kpi = say(chat, "E0147", "what's my KPI?", "r8-lang")
    assert kpi.act == "kpi" and "Completion rate" in kpi.text
    again = say(chat, "E0147", "用中文再说一遍", "r8-lang")
    assert again.act == "kpi" and "培训完成率" in again.text


def test_an_employee_may_not_enroll_a_colleague_and_is_told_who_may(chat):
    reply = say(chat, "E0012", "帮朱芳报名AI-101", "r8-other")
    assert reply.act == "refused" and "经理" in reply.text and "人力资源部" in reply.text
    english = say(chat, "E0012", "Please enroll 朱芳 in AI-101", "r8-other-en")
    assert english.act == "refused" and "manager" in english.text and chinese(english.text) <= 2


@pytest.mark.parametrize(("who", "text", "words"), [
    ("E0165", "我这季度的KPI情况", ("培训计划完成率", "刘浩超")),
    ("E0167", "and how are my KPIs looking this quarter?", ("plan completion", "Completion rate")),
])
def test_a_training_specialists_own_kpi_is_their_roles_kpis_and_their_own_learning(chat, who, text, words):
    reply = say(chat, who, text, f"r8-spec-{who}")
    assert reply.act == "specialist_kpi" and reply.subject.get("employee") == who
    for word in words:
        assert word.lower() in reply.text.lower()


@pytest.mark.parametrize(("text", "word"), [("我的经理是谁", "林明"), ("who is my manager?", "Your direct manager")])
def test_who_my_manager_is(chat, text, word):
    reply = say(chat, "E0018", text, f"r8-mgr-{word}")
    assert reply.act == "manager" and [t.name for t in reply.tools] == ["my_manager"]
    assert word in reply.text and "E0010" in reply.text


def test_another_persons_manager_by_id_name_or_pronoun(chat):
    """Reporting lines are directory facts: anyone may ask whose manager is who; "他" is the person just shown."""
    first = say(chat, "E0060", "王超的经理是谁", "r8-mgr-other")
    assert first.act == "manager" and first.subject == {"employee": "E0018"} and "林明" in first.text, first.text
    again = say(chat, "E0060", "他的经理是谁", "r8-mgr-other")
    assert again.act == "manager" and again.subject == {"employee": "E0010"} and "E0002" in again.text, again.text
    english = say(chat, "E0060", "who is E0023's manager?", "r8-mgr-other-en")
    assert english.act == "manager" and "E0011" in english.text and "E0023" in english.text, english.text
    unknown = say(chat, "E0060", "E9999的经理是谁", "r8-mgr-none")
    assert unknown.act == "clarify" and "E9999" in unknown.text


def test_an_english_reply_names_the_managers_chinese_job_title_by_role():
    """HR's job titles are free text ("经理"): an English reply says "manager", a Chinese one keeps the title."""
    from types import SimpleNamespace

    from bot.tools.org_tools import _title_in_english

    assert _title_in_english(SimpleNamespace(job_title="经理", role="manager")) == "manager"
    assert _title_in_english(SimpleNamespace(job_title="Engineering Lead", role="manager")) == "Engineering Lead"


def test_who_my_manager_is_in_english_has_no_chinese_but_the_name(chat):
    reply = say(chat, "E0018", "who's my manager?", "r8-mgr-en")
    assert reply.act == "manager" and "经理" not in reply.text and "manager" in reply.text.lower()
    assert chinese(reply.text.replace("林明", "")) == 0, reply.text


def test_completion_by_course_after_this_years_completion_keeps_the_year(chat):
    assert say(chat, "E0168", "今年各部门的培训完成率", "r8-year").subject.get("period") == "2026"
    reply = say(chat, "E0168", "completion by course", "r8-year")
    assert reply.act == "completion_report" and reply.subject.get("period") == "2026"


@pytest.mark.parametrize("text", ["how is Wang Chao doing?", "wang chao's progress", "show me Chao Wang's courses"])
def test_a_colleague_written_in_pinyin_is_that_colleague(chat, text):
    reply = say(chat, "E0010", text, f"r8-pinyin-{len(text)}")
    assert reply.act == "progress" and reply.subject.get("employee") == "E0018"
