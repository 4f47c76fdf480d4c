"""Follow-ups inherit what they leave out; a change of person, team or department is noticed."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.resolve import resolve, topicless
from bot.dialogue.state import DialogueState
from bot.routing.intents import Routed
from bot.routing.router import IntentRouter
from hr.caller import Caller
from tests.unit.bot.test_routing import CATALOG

TODAY = date(2026, 8, 17)
MANAGER = Caller("E0002", "manager", "rnd")
LEARNER = Caller("E0056", "employee", "sales")


@pytest.fixture(scope="module")
def router():
    return IntentRouter(CATALOG)


def routed(intent: str, slots: dict | None = None, confident: bool = False, best: str = "") -> Routed:
    """What the classifier said (the tests fix it so they test the dialogue rules, not the model)."""
    return Routed(intent, slots or {}, 0.9 if confident else 0.2, confident, best or intent)


def test_elliptical_period_keeps_the_data_tool_and_its_subject(router):
    state = DialogueState(subject={"employee": "E0013"}, intent="explain_kpi", act="kpi", args={"employee": "E0013"})
    result = resolve(routed("search_knowledge", confident=True), "那上季度呢？", state, MANAGER, router, TODAY)
    assert (result.intent, result.slots) == ("explain_kpi", {"employee": "E0013", "period": "2026Q2"})


def test_naming_one_person_after_a_team_view_moves_to_that_person_and_says_so(router):
    state = DialogueState(subject={"team": "E0002"}, intent="team_progress", act="team_progress", args={})
    result = resolve(routed("search_knowledge"), "what about E0013 specifically?", state, MANAGER, router, TODAY)
    assert result.intent == "my_progress" and result.slots["employee"] == "E0013"
    assert result.announce == {"before": {"team": "E0002"}, "after": {"employee": "E0013"}}


def test_mine_drops_the_inherited_department(router):
    state = DialogueState(subject={"department": "rnd"}, intent="explain_kpi", act="department_kpi",
                          args={"department": "rnd"})
    result = resolve(routed("help"), "and mine personally?", state, MANAGER, router, TODAY)
    assert result.intent == "explain_kpi" and "department" not in result.slots


def test_pronouns_point_at_the_last_person_or_ask(router):
    state = DialogueState(subject={"employee": "E0013"}, intent="my_progress", act="progress", args={})
    found = resolve(routed("nudge_team", confident=True), "send him a reminder", state, MANAGER, router, TODAY)
    assert found.slots.get("employee") == "E0013" and not found.needs_person
    unknown = resolve(routed("enroll", {"course": "AI-101"}, confident=True), "enrol him in AI-101 pls",
                      DialogueState(), MANAGER, router, TODAY)
    assert unknown.needs_person


def test_a_reply_naming_only_a_course_answers_the_previous_request(router):
    state = DialogueState(subject={"course": "SEC-201", "employee": "E0056"}, intent="enroll", act="enroll_refused",
                          args={"course": "SEC-201"})
    result = resolve(routed("search_knowledge", confident=True), "fine, SEC-101 then", state, LEARNER, router, TODAY)
    assert result.intent == "enroll" and result.slots["course"] == "SEC-101"


def test_our_department_from_a_manager_is_their_team(router):
    text = "我们部门现在有谁落后了"
    result = resolve(routed("team_progress", router.slots_for("team_progress", text, TODAY), confident=True), text,
                     DialogueState(), MANAGER, router, TODAY)
    assert result.slots == {"team": "E0002", "only": "behind"}


def test_a_question_without_a_subject_continues_the_last_one(router):
    state = DialogueState(intent="search_knowledge", act="answer", question="考试不及格可以补考几次")
    result = resolve(routed("search_knowledge", confident=True), "要多久之内申请？", state, LEARNER, router, TODAY)
    assert result.standalone == "考试不及格可以补考几次 要多久之内申请？"
    assert topicless("what's the deadline?") and not topicless("年假有几天")


def test_it_after_a_course_names_the_course_for_search(router):
    state = DialogueState(subject={"course": "SEC-201"}, intent="session_info", act="session_info")
    result = resolve(routed("search_knowledge", confident=True), "and what score do I need to pass it?", state,
                     LEARNER, router, TODAY)
    assert result.intent == "search_knowledge" and result.standalone.startswith("Secure Development:")


@pytest.mark.parametrize(("text", "said", "expected"), [
    ("按课程拆开看看", "search_knowledge", {"by": "course", "period": "2026Q3"}),
    ("只看7月的", "help", {"by": "department", "period": "2026-07"}),
    ("just July", "help", {"by": "department", "period": "2026-07"}),
])
def test_a_completion_table_is_regrouped_or_narrowed_by_a_short_message(router, text, said, expected):
    """"按课程拆开看看" after a by-department table abstained and "只看7月的" got the help text (blind round 8)."""
    hr = Caller("E0168", "hr", "hrd")
    state = DialogueState(subject={"period": "2026Q3"}, intent="completion_report", act="completion_report",
                          args={"by": "department", "period": "2026Q3"})
    result = resolve(routed(said), text, state, hr, router, TODAY)
    assert (result.intent, result.slots) == ("completion_report", expected)
