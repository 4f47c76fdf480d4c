"""Colleagues named by full name, end to end over the sample org: the right person, the HR service's permission,
a question when two people share a name, and the reply in the language of the message rather than of the name."""

from __future__ import annotations

from tests.integration.bot.test_offline_turns import enrollments, say

SALES_MANAGER, SALES_LEARNER, HR_PERSON, RND_MANAGER = "E0054", "E0056", "E0168", "E0010"


def test_manager_asks_about_a_report_by_chinese_name(chat):
    reply = say(chat, SALES_MANAGER, "胡静的学习进度怎么样？")
    assert reply.tools[0].name == "my_progress" and reply.tools[0].ok, reply.text
    assert reply.subject.get("employee") == "E0058" and "胡静" in reply.text and "学习进度" in reply.text


def test_english_question_about_a_chinese_name_is_answered_in_english(chat):
    reply = say(chat, SALES_MANAGER, "How is 胡静 doing on her courses?")
    assert reply.subject.get("employee") == "E0058", reply.text
    assert "learning progress" in reply.text and "学习进度" not in reply.text


def test_a_group_question_about_one_named_person_is_that_persons_progress(chat):
    reply = say(chat, SALES_MANAGER, "陈欣浩的培训完成情况怎么样")
    assert reply.tools[0].name == "my_progress" and reply.subject.get("employee") == "E0060", reply.text


def test_employee_asking_about_a_colleague_is_refused_without_leaking(chat):
    own = say(chat, SALES_LEARNER, "我的学习进度", thread="own")
    reply = say(chat, SALES_LEARNER, "帮我看看陈欣浩的学习进度")
    assert reply.act == "refused" and "无权" in reply.text, reply.text
    assert "E0060" not in reply.text and "陈欣浩" not in reply.text and reply.text not in own.text
    english = say(chat, SALES_LEARNER, "what is 陈欣浩's training progress?", thread="en")
    assert english.act == "refused" and "not allowed" in english.text, english.text


def test_hr_enrolls_a_named_person_in_english_then_confirms(chat, engine):
    assert not enrollments(engine, "E0024", "DATA-101")
    preview = say(chat, HR_PERSON, "Please sign 林杰婷 up for DATA-101", thread="enrol")
    assert preview.tools[0].name == "enroll" and preview.subject.get("employee") == "E0024", preview.text
    assert "I'll enroll" in preview.text and "林杰婷" in preview.text
    assert not enrollments(engine, "E0024", "DATA-101")
    say(chat, HR_PERSON, "confirm", thread="enrol")
    assert len(enrollments(engine, "E0024", "DATA-101")) == 1
    assert not enrollments(engine, HR_PERSON, "DATA-101"), "the asker must not be enrolled instead"


def test_manager_nudges_one_named_report(chat):
    reply = say(chat, RND_MANAGER, "提醒林涛完成信息安全基础")
    assert reply.tools[0].name == "nudge_team" and reply.act == "nudge_preview", reply.text
    assert reply.subject.get("employee") == "E0026", "only the named person is considered, not the whole team"
    assert "赵静" not in reply.text and "林杰婷" not in reply.text


def test_shared_name_is_asked_about_then_the_id_answers_it(chat):
    ask = say(chat, HR_PERSON, "黄洋的学习进度", thread="amb")
    assert ask.act == "clarify" and "E0078" in ask.text and "E0119" in ask.text, ask.text
    picked = say(chat, HR_PERSON, "E0119", thread="amb")
    assert picked.tools[0].name == "my_progress" and picked.subject.get("employee") == "E0119", picked.text
    english = say(chat, HR_PERSON, "show me 黄洋's progress", thread="amb-en")
    assert english.act == "clarify" and "Which one" in english.text, english.text


def test_shared_name_resolves_to_the_one_person_a_manager_may_see(chat):
    reply = say(chat, SALES_MANAGER, "张艳的学习进度")
    assert reply.subject.get("employee") == "E0066" and reply.act == "progress", reply.text


def test_a_follow_up_pronoun_keeps_the_named_person(chat):
    say(chat, SALES_MANAGER, "胡静的学习进度", thread="pron")
    reply = say(chat, SALES_MANAGER, "她有逾期的课吗？", thread="pron")
    assert reply.subject.get("employee") == "E0058", reply.text


def test_a_follow_up_naming_a_report_after_a_team_view_moves_to_that_person_and_says_so(chat):
    say(chat, SALES_MANAGER, "我团队谁落后了？", thread="move")
    reply = say(chat, SALES_MANAGER, "那胡静呢？", thread="move")
    assert reply.act == "progress" and reply.subject.get("employee") == "E0058", reply.text
    assert "这次看的是胡静" in reply.text


def test_names_are_looked_up_once_a_turn_and_people_only_when_named(chat, monkeypatch):
    hr = chat.deps.hr
    calls = {"names_in": 0, "people_named": 0}
    for method in calls:
        real = getattr(hr, method)

        def counted(*args, _real=real, _method=method, **kwargs):
            calls[_method] += 1
            return _real(*args, **kwargs)
        monkeypatch.setattr(hr, method, counted)
    say(chat, SALES_MANAGER, "我团队的学习进度", thread="count-none")
    assert calls == {"names_in": 1, "people_named": 0}
    reply = say(chat, SALES_MANAGER, "胡静的学习进度怎么样？", thread="count-one")
    assert calls == {"names_in": 2, "people_named": 1} and reply.subject.get("employee") == "E0058"
