"""Round-7 conversation misses (dev data now): a colleague named right after a team view, "X's group" as X's team,
"he" as the person just named, a rule question worded like a report, a question after a refusal."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.people import apply_named_person
from bot.dialogue.resolve import Resolved, resolve
from bot.dialogue.state import DialogueState
from bot.routing.catalog import Catalog, CourseName, DepartmentName
from bot.routing.router import IntentRouter
from hr.caller import Caller
from hr.services.names import Candidate, NamedPerson
from tests.unit.bot.routing_support import routed

TODAY = date(2026, 8, 17)
MANAGER = Caller("E0003", "manager", "rnd")
CATALOG = Catalog(
    [CourseName("SEC-101", "信息安全基础", "Information Security Basics"),
     CourseName("SEC-201", "安全开发进阶", "Secure Development")],
    [DepartmentName("rnd", "研发部", "R&D")],
)


@pytest.fixture(scope="module")
def router():
    return IntentRouter(CATALOG)


def person(name: str, employee: str) -> NamedPerson:
    return NamedPerson(name, (Candidate(employee, name, "rnd", True),))


TEAM_VIEW = DialogueState(subject={"team": "E0003"}, intent="team_progress", act="team_progress",
                          args={"team": "E0003", "only": "overdue"})


@pytest.mark.parametrize("text", ["张明伟还差哪几门没学", "张明伟那边缺的是什么课"])
def test_a_colleague_named_after_a_team_view_is_their_progress(router, text):
    resolved = Resolved("search_knowledge", {})
    apply_named_person(resolved, [person("张明伟", "E0040")], MANAGER, text, router, TODAY, TEAM_VIEW)
    assert resolved.intent == "my_progress" and resolved.slots.get("employee") == "E0040"


def test_without_a_progress_view_a_name_in_a_question_stays_a_question(router):
    resolved = Resolved("search_knowledge", {})
    apply_named_person(resolved, [person("张明伟", "E0040")], MANAGER, "张明伟还差哪几门没学", router, TODAY,
                       DialogueState())
    assert resolved.intent == "search_knowledge"


@pytest.mark.parametrize("text", ["only Zhang Mingwei's team", "张明伟团队的呢", "just 张明伟's reports"])
def test_a_managers_group_named_after_a_team_view_is_that_managers_team(router, text):
    name = "Zhang Mingwei" if "Zhang" in text else "张明伟"
    resolved = Resolved("my_progress", {"employee": "E0040"})
    apply_named_person(resolved, [person(name, "E0040")], MANAGER, text, router, TODAY, TEAM_VIEW)
    assert resolved.intent == "team_progress" and resolved.slots.get("team") == "E0040"
    assert "employee" not in resolved.slots


@pytest.mark.parametrize("text", ["and how is she doing on SEC-101?", "what's his progress on SEC-101"])
def test_he_and_she_are_the_person_just_named(router, text):
    state = DialogueState(subject={"employee": "E0040", "course": "SEC-201"}, intent="enroll", act="enroll_refused",
                          args={"employee": "E0040", "course": "SEC-201"})
    got = resolve(routed("my_progress", 0.6, {"course": "SEC-101"}), text, state, MANAGER, router, TODAY)
    assert got.slots.get("employee") == "E0040"


@pytest.mark.parametrize(("text", "intent"), [
    ("完成率不到90%的部门会受什么处理？会怎么处理", "completion_report"),
    ("如果部门完成率没达标会怎样", "completion_report"),
    ("what's the target for exam pass rate?", "specialist_kpis"),
    ("what happens if our completion rate stays under 90%?", "completion_report"),
])
def test_a_rule_question_in_report_words_goes_to_the_knowledge_base(router, text, intent):
    state = DialogueState(subject={"department": "rnd"}, intent="explain_kpi", act="department_kpi",
                          args={"department": "rnd"})
    assert resolve(routed(intent, 0.65), text, state, MANAGER, router, TODAY).intent == "search_knowledge"


@pytest.mark.parametrize(("text", "intent"), [("哪些部门完成率低于90%？", "completion_report"),
                                              ("完成率是怎么算的", "explain_kpi")])
def test_which_and_how_worked_out_stay_with_the_report(router, text, intent):
    assert resolve(routed(intent, 0.65), text, DialogueState(), MANAGER, router, TODAY).intent == intent


def test_a_question_after_a_refusal_asks_about_it_instead_of_repeating_it(router):
    state = DialogueState(subject={"course": "SEC-101", "employee": "E0003"}, intent="enroll", act="enroll_refused",
                          args={"course": "SEC-201", "employee": "E0003"})
    got = resolve(routed("search_knowledge", 0.28, best="my_progress"), "那要先修完什么才可以报？", state, MANAGER,
                  router, TODAY)
    assert got.intent == "search_knowledge" and got.slots.get("course") == "SEC-201"
    again = resolve(routed("search_knowledge", 0.28), "那SEC-101呢？", state, MANAGER, router, TODAY)
    assert again.intent == "enroll"


def test_a_rule_question_right_after_a_figures_reply_is_asked_in_that_area_first(router):
    state = DialogueState(subject={"period": "2026Q3"}, intent="specialist_kpis", act="specialist_kpi",
                          args={"period": "2026Q3"})
    text = "what's the target for trainee pass rate?"
    got = resolve(routed("course_satisfaction", 0.65), text, state, MANAGER, router, TODAY)
    assert got.intent == "search_knowledge"
    assert got.standalone.startswith("Training-specialist KPIs:") and text in got.alternatives
