"""Round-6 conversation misses (dev data now): a follow-up that narrows the last question to a part of it, asks
about a new situation, or swaps the place; a question with no topic of its own ("need sign-off first?", "how long
each?") after an answer that merely quoted a course; "who's teaching it?" right after a course's next session."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.resolve import resolve
from bot.dialogue.state import DialogueState
from bot.followup import rewrite
from bot.routing.catalog import Catalog, CourseName, DepartmentName
from bot.routing.router import IntentRouter
from hr.caller import Caller
from tests.unit.bot.routing_support import routed

TODAY = date(2026, 8, 17)
LEARNER = Caller("E0079", "employee", "sales")
CATALOG = Catalog(
    [CourseName("LDR-301", "新任经理领导力", "Leadership for New Managers"),
     CourseName("SAL-201", "顾问式销售", "Consultative Selling Skills")],
    [DepartmentName("sales", "销售部", "Sales")],
)


@pytest.fixture(scope="module")
def router():
    return IntentRouter(CATALOG)


@pytest.mark.parametrize(("follow_up", "previous", "standalone"), [
    # a part or a case of the last question: the whole question, narrowed (not "超过3天的部分假…")
    ("那超过3天的部分呢", "事假的话工资怎么扣？", "事假的话工资怎么扣，超过3天的部分？"),
    ("试用期内的呢", "年假有几天", "年假有几天，试用期内？"),
    # a new situation: what happens then (not "二次考试也没过几次")
    ("二次考试也没过呢", "最多能考几次", "二次考试也没过怎么办？"),
    # another place in the same question (not "别的省会城市多少？")
    ("别的省会城市呢", "到广州出差，住宿每晚报多少？", "到别的省会城市出差，住宿每晚报多少？"),
    ("那去北京呢", "在深圳培训期间住宿每晚多少钱", "在北京培训期间住宿每晚多少钱"),
])
def test_narrowing_new_situation_and_another_place(follow_up, previous, standalone):
    assert rewrite(follow_up, previous) == standalone


def test_a_swapped_subject_still_replaces_the_subject():
    assert rewrite("那病假呢", "年假有几天") == "病假有几天"
    assert rewrite("交通的呢", "公司午餐补贴一天给多少") == "公司交通补贴一天给多少"


@pytest.mark.parametrize(("question", "follow_up"), [
    ("What is the budget for a team dinner?", "do we need sign-off first?"),
    ("团建费用每人多少？", "要提前审批吗"),
])
def test_asking_about_approval_continues_the_last_question(router, question, follow_up):
    state = DialogueState(intent="search_knowledge", act="answer", question=question, args={"question": question},
                          source="Expense Policy")
    result = resolve(routed("search_knowledge"), follow_up, state, LEARNER, router, TODAY)
    assert result.intent == "search_knowledge" and question in result.standalone


def test_a_topicless_question_continues_the_question_not_the_course_its_answer_quoted(router):
    """The last question named no course; its answer came from a course's page: "how long is each one?" is about
    what was asked (the meetings), not about the course as a whole (its length)."""
    question = "How often do I meet each of my reports?"
    state = DialogueState(subject={"course": "LDR-301"}, intent="search_knowledge", act="answer", question=question,
                          args={"question": question, "course": "LDR-301"})
    result = resolve(routed("search_knowledge"), "how long is each one?", state, LEARNER, router, TODAY)
    assert result.standalone.startswith(question) and not result.slots.get("course")
    named = DialogueState(subject={"course": "LDR-301"}, intent="search_knowledge", act="answer",
                          question="Leadership for New Managers: what is covered?",
                          args={"question": "Leadership for New Managers: what is covered?", "course": "LDR-301"})
    again = resolve(routed("search_knowledge"), "how long is each one?", named, LEARNER, router, TODAY)
    assert again.slots.get("course") == "LDR-301"  # a question that named the course: the next one is about it too


SESSION = DialogueState(subject={"course": "SAL-201", "employee": "E0079"}, intent="session_info", act="session_info",
                        args={"course": "SAL-201"})


def test_a_back_reference_to_the_course_keeps_the_session_tool(router, monkeypatch):
    monkeypatch.setattr(router, "probabilities", lambda text: {"team_progress": 0.41, "session_info": 0.23})
    result = resolve(routed("team_progress", 0.41), "who is teaching it?", SESSION, LEARNER, router, TODAY)
    assert result.intent == "session_info" and result.slots.get("course") == "SAL-201"


@pytest.mark.parametrize(("confidence", "session_share", "text"), [
    (0.95, 0.02, "how is my team doing on it?"),  # the classifier is sure: a request of its own
    (0.41, 0.05, "who is teaching it?"),  # the thread's tool is no reading of the message
    (0.41, 0.23, "who is on the team?"),  # no back-reference to the course
])
def test_a_request_of_its_own_leaves_the_session_tool(router, monkeypatch, confidence, session_share, text):
    monkeypatch.setattr(router, "probabilities", lambda _: {"team_progress": confidence, "session_info": session_share})
    assert resolve(routed("team_progress", confidence), text, SESSION, LEARNER, router, TODAY).intent == "team_progress"
