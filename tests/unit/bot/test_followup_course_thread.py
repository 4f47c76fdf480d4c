"""Knowledge questions in a thread about a course (dev data rounds 5 and 7): a question asked in the wake of an answer
from a course's material is asked in that course's terms; what every course has ("考试多少分算过") continues the course
just named; "这门课…" with no course before asks which one, and the reply naming it answers the question asked; a
title word used as an ordinary noun ("an MFA prompt") names no course."""

from __future__ import annotations

from datetime import date

import pytest

from bot.chat_service import next_state
from bot.dialogue.resolve import resolve, topicless
from bot.dialogue.state import DialogueState
from bot.routing.catalog import Catalog, CourseName
from bot.routing.router import IntentRouter
from bot.tools.common import clarify
from bot.tools.context import TurnContext
from hr.caller import Caller
from tests.unit.bot.routing_support import routed

TODAY = date(2026, 8, 17)
LEARNER = Caller("E0058", "employee", "sales")
CATALOG = Catalog([
    CourseName("SAL-101", "销售基础", "Sales Fundamentals"),
    CourseName("ONB-101", "新员工入职培训", "New Hire Onboarding"),
    CourseName("CMP-101", "合规与商业道德", "Compliance and Business Ethics"),
    CourseName("SEC-101", "信息安全基础", "Information Security Basics"),
    CourseName("AI-101", "提示词工程入门", "Prompt Engineering Fundamentals"),
    CourseName("DATA-101", "数据分析基础", "Data Analysis Basics"),
])


@pytest.fixture(scope="module")
def router():
    return IntentRouter(CATALOG)


def answered_from(course: str, question: str, named: bool) -> DialogueState:
    """The thread right after a knowledge answer from `course`'s material (named by the person, or only cited)."""
    args = {"question": question, "course": course} | ({} if named else {"course_by": "citations"})
    return DialogueState(subject={"course": course}, intent="search_knowledge", act="answer", question=question,
                         args=args, source="销售基础（SAL-101）")


@pytest.mark.parametrize(("course", "previous", "text", "prefix"), [
    ("SAL-101", "满足几个才能转正式商机", "给客户打折超过多少要经理批", "销售基础："),
    ("ONB-101", "试用期多长", "头一个月可以在家办公吗", "新员工入职培训："),
    ("SEC-101", "how many old ones cant I reuse", "got an MFA prompt i didnt start, what now",
     "Information Security Basics: "),
])
def test_a_question_after_an_answer_from_a_course_is_asked_in_its_terms(router, course, previous, text, prefix):
    got = resolve(routed("search_knowledge"), text, answered_from(course, previous, named=False), LEARNER, router, TODAY)
    assert got.standalone.startswith(prefix) and text in got.standalone
    assert "course" not in got.slots  # nothing filtered out: a policy can still answer it
    assert text in got.alternatives  # and the question as it stands is the other reading


def test_a_course_the_person_named_does_not_colour_a_question_with_a_topic_of_its_own(router):
    state = answered_from("CMP-101", "合规那门课考试要多少分才算过？", named=True)
    got = resolve(routed("search_knowledge"), "那客户送的礼品多少钱以内可以收", state, LEARNER, router, TODAY)
    assert not got.standalone.startswith("合规与商业道德")


@pytest.mark.parametrize("text", ["ok different q - how fast do I report a lost laptop?", "换个问题，年假有几天"])
def test_saying_the_topic_changes_drops_the_course(router, text):
    state = answered_from("SAL-101", "BANT是指哪四个维度", named=False)
    got = resolve(routed("search_knowledge"), text, state, LEARNER, router, TODAY)
    assert not got.standalone.startswith(("销售基础", "Sales Fundamentals"))


def test_what_every_course_has_continues_the_course_just_named(router):
    assert topicless("考试多少分算过") and topicless("几分及格")
    question = "合规与商业道德：这门课要在多长时间内学完？"
    state = DialogueState(subject={"course": "CMP-101"}, intent="search_knowledge", act="answer", question=question,
                          args={"question": question, "course": "CMP-101"})
    got = resolve(routed("search_knowledge"), "考试多少分算过", state, LEARNER, router, TODAY)
    assert got.slots.get("course") == "CMP-101" and got.standalone == "合规与商业道德：考试多少分算过"


@pytest.mark.parametrize("text", ["这门课要在多长时间内学完？", "how long do I have to finish this course?"])
def test_this_course_with_no_course_before_asks_which(router, text):
    got = resolve(routed("search_knowledge"), text, DialogueState(), LEARNER, router, TODAY)
    assert got.needs_course and got.intent == "search_knowledge"
    after_one = DialogueState(subject={"course": "SAL-101"}, intent="enroll", act="enroll_done",
                              args={"course": "SAL-101"})
    assert not resolve(routed("search_knowledge"), text, after_one, LEARNER, router, TODAY).needs_course


def test_naming_the_course_answers_the_question_that_asked_for_it(router):
    ctx = TurnContext(caller=LEARNER, audience=None, language="zh", channel="web", thread_id="t", today=TODAY)
    asked = clarify("search_knowledge", {"question": "这门课要在多长时间内学完？"}, "哪门课？", "Which course?", ctx)
    state = next_state(DialogueState(), [asked], "zh")
    got = resolve(routed("search_knowledge", 0.29, {"course": "CMP-101"}), "合规与商业道德那门", state, LEARNER, router,
                  TODAY)
    assert got.intent == "search_knowledge" and got.slots == {"course": "CMP-101"}
    assert got.standalone == "合规与商业道德：这门课要在多长时间内学完？"


@pytest.mark.parametrize("text", ["got an MFA prompt i didnt start, what now", "what counts as confidential data",
                                  "I'm moving into a data role"])
def test_a_title_word_used_as_an_ordinary_noun_names_no_course(text):
    assert CATALOG.find_course(text) is None


@pytest.mark.parametrize(("text", "course"), [
    ("quiz me on the data course", "DATA-101"),
    ("enroll me in the prompt engineering training", "AI-101"),
    ("give me 5 practice questions on prompt engineering", "AI-101"),
    ("What's the pass mark for the compliance course?", "CMP-101"),
    ("has everyone in my team finished onboarding?", "ONB-101"),
])
def test_a_course_named_by_its_words_is_still_found(text, course):
    found = CATALOG.find_course(text)
    assert found is not None and found.value == course


@pytest.mark.parametrize(("text", "standalone"), [
    ("whats the pass mark for CMP-101", "Compliance and Business Ethics: whats the pass mark for CMP-101"),
    ("CMP-101考试多少分及格", "合规与商业道德：CMP-101考试多少分及格"),
])
def test_a_course_named_by_its_code_is_asked_with_its_title(router, text, standalone):
    got = resolve(routed("search_knowledge", slots={"course": "CMP-101"}), text, DialogueState(), LEARNER, router, TODAY)
    assert got.standalone == standalone and got.slots.get("course") == "CMP-101"
