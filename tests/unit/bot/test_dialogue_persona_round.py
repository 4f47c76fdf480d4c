"""Misses found by talking to the mentor as its users would (issue 11, h11h): "thx" got the whole help text, a bare
"退出" with no quiz open was read as dropping a course, "how do I contact him?" after "who is my manager" searched the
policies, "lowest one?" after the satisfaction report abstained and "that course" then meant every course."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from bot.dialogue import front
from bot.dialogue.resolve import resolve
from bot.dialogue.state import DialogueState
from bot.present.analytics import lowest_rated, render_satisfaction
from bot.present.names import Names
from bot.routing.catalog import Catalog, CourseName, DepartmentName
from bot.routing.router import IntentRouter
from hr.caller import Caller
from tests.unit.bot.routing_support import routed

TODAY = date(2026, 8, 17)
HR = Caller("E0170", "hr", "hrd")
CATALOG = Catalog([CourseName("DATA-101", "数据分析基础", "Data Analysis Basics")],
                  [DepartmentName("rnd", "研发部", "R&D")])


@pytest.fixture(scope="module")
def router():
    return IntentRouter(CATALOG)


@pytest.mark.parametrize("text", ["谢谢", "thx", "ok thanks", "好的，谢谢", "thank you so much", "拜拜"])
def test_thanks_is_a_short_closing_not_the_help_text(text):
    assert front.decide(text, None, DialogueState(), None).kind == "thanks"


def test_hello_is_still_the_help_text():
    assert front.decide("你好", None, DialogueState(), None).kind == "help"


@pytest.mark.parametrize("text", ["退出", "quit", "stop"])
def test_a_bare_exit_with_no_quiz_open_is_no_withdrawal(text):
    assert front.decide(text, None, DialogueState(), None).kind == "quiz_exit"


def test_leaving_a_course_by_name_is_still_routed():
    assert front.decide("我想退出AI-101", None, DialogueState(), None).kind == "route"


MANAGER_SHOWN = DialogueState(subject={"employee": "E0152"}, intent="my_manager", act="manager")


@pytest.mark.parametrize("text", ["how do i contact him", "what's his email", "他邮箱多少", "怎么联系她"])
def test_reaching_the_manager_just_named_is_that_reply_again(router, text):
    got = resolve(routed("search_knowledge", 0.6), text, MANAGER_SHOWN, HR, router, TODAY)
    assert got.intent == "my_manager"


def test_a_contact_question_with_nothing_before_is_a_question(router):
    got = resolve(routed("search_knowledge", 0.6), "how do i contact IT support", DialogueState(), HR, router, TODAY)
    assert got.intent == "search_knowledge"


SATISFACTION = DialogueState(subject={"period": "2026Q3", "course": "DATA-101"}, intent="course_satisfaction",
                             act="satisfaction", args={"period": "2026Q3"})


@pytest.mark.parametrize("text", ["lowest one?", "哪个最低", "which is the worst"])
def test_the_lowest_after_a_report_is_that_report(router, text):
    got = resolve(routed("search_knowledge", 0.3), text, SATISFACTION, HR, router, TODAY)
    assert got.intent == "course_satisfaction" and got.slots.get("period") == "2026Q3"


def test_the_most_urgent_of_ones_own_courses_keeps_its_own_reading(router):
    state = DialogueState(subject={"employee": "E0012"}, intent="my_progress", act="progress")
    got = resolve(routed("my_progress", 0.6, {"only": "next"}), "which one is most urgent", state, HR, router, TODAY)
    assert got.intent == "my_progress" and got.slots.get("only") == "next"


def _row(code, average, responses=5):
    return SimpleNamespace(course_code=code, average=average, good_share=0.5, responses=responses)


def test_the_satisfaction_report_names_its_lowest_and_highest_course():
    rows = [_row("SEC-101", 4.1), _row("DATA-101", 3.0), _row("AI-101", 4.4), _row("CS-101", None, 0)]
    assert lowest_rated(rows) == "DATA-101"
    text = render_satisfaction(rows, Names({}), "en", "2026Q3")
    assert "Lowest: DATA-101 3; highest: AI-101 4.4" in text
    assert "最低：DATA-101 3 分" in render_satisfaction(rows, Names({}), "zh", "2026Q3")


def test_one_rated_course_has_no_lowest():
    assert lowest_rated([_row("SEC-101", 4.1)]) is None


@pytest.mark.parametrize("text", ["帮我把我的SEC-101成绩改成100分", "能把王超的进度改为100%吗", "修改一下我的考试成绩",
                                  "change my SEC-101 score to 100", "mark me as completed on CMP-101"])
def test_asking_to_change_a_recorded_result_is_refused_by_the_front(text):
    assert front.decide(text, None, DialogueState(), None).kind == "change_record"


@pytest.mark.parametrize("text", ["怎么提高考试成绩", "参加考试的成绩怎么查", "我的学习进度", "how is my progress updated?",
                                  "what score do I need to pass SEC-101"])
def test_questions_about_scores_and_progress_are_not_change_requests(text):
    assert front.decide(text, None, DialogueState(), None).kind != "change_record"
