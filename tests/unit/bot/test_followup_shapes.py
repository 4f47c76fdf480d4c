"""Follow-up shapes a new blind set will use (found probing beyond the dev scripts): "and after that?" carries the
last question on (it was rewritten to "How many days of after that leave…"), "and in Chengdu?" swaps the place (was
"What's the in Chengdu limit in Shanghai?"), "那合规那门呢" asks the last question of the course it names, and
"要学几个小时" asks what every course has."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.resolve import resolve, topicless
from bot.dialogue.state import DialogueState
from bot.followup import rewrite
from bot.routing.catalog import Catalog, CourseName
from bot.routing.router import IntentRouter
from hr.caller import Caller
from tests.unit.bot.routing_support import routed

TODAY = date(2026, 8, 17)
LEARNER = Caller("E0112", "employee", "cs")
CATALOG = Catalog([CourseName("SEC-101", "信息安全基础", "Information Security Basics"),
                   CourseName("CMP-101", "合规与商业道德", "Compliance and Business Ethics")])


@pytest.fixture(scope="module")
def router():
    return IntentRouter(CATALOG)


@pytest.mark.parametrize("text", ["and after that?", "what about after that?", "and then?"])
def test_a_follow_up_naming_no_subject_is_not_swapped_into_the_question(text):
    assert rewrite(text, "How many days of sick leave are paid in full?") == text


def test_the_last_question_carries_on_when_no_subject_is_named(router):
    question = "How many days of sick leave are paid in full?"
    state = DialogueState(intent="search_knowledge", act="answer", question=question, args={"question": question})
    got = resolve(routed("search_knowledge"), "and after that?", state, LEARNER, router, TODAY)
    assert got.standalone.startswith(question) and "after that leave" not in got.standalone


@pytest.mark.parametrize(("text", "previous", "standalone"), [
    ("and in Chengdu?", "What's the hotel limit in Shanghai?", "What's the hotel limit in Chengdu?"),
    ("what about during probation?", "Can I take annual leave?", "Can I take annual leave during probation?"),
])
def test_an_english_place_or_case_is_put_where_it_belongs(text, previous, standalone):
    assert rewrite(text, previous) == standalone


def test_another_course_named_in_a_follow_up_gets_the_last_question(router):
    question = "信息安全基础：考试多少分及格"
    state = DialogueState(subject={"course": "SEC-101"}, intent="search_knowledge", act="answer", question=question,
                          args={"question": question, "course": "SEC-101"}, source="员工培训管理制度")
    got = resolve(routed("search_knowledge", 0.3, {"course": "CMP-101"}), "那合规那门呢", state, LEARNER, router, TODAY)
    assert got.standalone == "合规与商业道德：考试多少分及格" and got.slots.get("course") == "CMP-101"


def test_hours_are_something_every_course_has():
    assert topicless("要学几个小时") and not topicless("加班几个小时算加班")


@pytest.mark.parametrize("text", ["帮我催一下他们", "remind them"])
def test_reminding_them_keeps_the_course_of_the_list_just_shown(router, text):
    manager = Caller("E0011", "manager", "rnd")
    state = DialogueState(subject={"team": "E0011", "course": "SEC-101"}, intent="team_progress", act="team_progress",
                          args={"team": "E0011", "course": "SEC-101", "only": "open"})
    got = resolve(routed("nudge_team"), text, state, manager, router, TODAY)
    assert got.intent == "nudge_team" and got.slots.get("course") == "SEC-101"
    fresh = resolve(routed("nudge_team"), "remind my team", state, manager, router, TODAY)
    assert not fresh.slots.get("course")  # no "them": the whole team, as asked
