""""who is overdue?" right after a progress list narrows that list, "does it need a doctor's note?" after a rule asks about
that rule; "what happens if a course is overdue?" is still a question for the knowledge base."""

from __future__ import annotations

import pytest

from bot.dialogue.resolve import resolve
from bot.dialogue.state import DialogueState
from tests.unit.bot.test_resolve import LEARNER, MANAGER, TODAY, routed

TEAM = DialogueState(subject={"team": "E0002"}, intent="team_progress", act="team_progress", args={"team": "E0002"})
OWN = DialogueState(subject={"employee": "E0056"}, intent="my_progress", act="progress", args={})


@pytest.fixture(scope="module")
def router():
    from bot.routing.router import IntentRouter
    from tests.unit.bot.test_routing import CATALOG

    return IntentRouter(CATALOG)


@pytest.mark.parametrize("text", ["who is overdue?", "谁逾期了？", "anyone overdue?", "谁过期了"])
def test_a_status_question_after_a_team_list_narrows_the_list(router, text):
    result = resolve(routed("search_knowledge", confident=True), text, TEAM, MANAGER, router, TODAY)
    assert (result.intent, result.slots.get("only"), result.slots.get("team")) == ("team_progress", "overdue", "E0002")


def test_a_status_question_after_ones_own_progress_stays_with_it(router):
    result = resolve(routed("search_knowledge"), "which are overdue?", OWN, LEARNER, router, TODAY)
    assert (result.intent, result.slots.get("only")) == ("my_progress", "overdue")


@pytest.mark.parametrize("text", ["课程逾期了会怎样？", "what happens if a course is overdue?"])
def test_a_rule_question_about_a_status_still_goes_to_the_knowledge_base(router, text):
    result = resolve(routed("search_knowledge", confident=True), text, OWN, LEARNER, router, TODAY)
    assert result.intent == "search_knowledge"


def test_it_after_a_rule_is_the_last_questions_topic(router):
    state = DialogueState(intent="search_knowledge", act="answer", question="how many days of sick leave do I get?")
    result = resolve(routed("search_knowledge", confident=True), "and does it need a doctor's note?", state, LEARNER,
                     router, TODAY)
    assert result.standalone == "days of sick leave: and does it need a doctor's note?"  # its topic, not "how many"
    fresh = resolve(routed("search_knowledge", confident=True), "does it need a doctor's note?", DialogueState(),
                    LEARNER, router, TODAY)
    assert fresh.standalone == "does it need a doctor's note?"


@pytest.mark.parametrize("text", ["上个季度呢", "and last quarter?"])
def test_a_follow_up_keeps_the_reports_grouping(router, text):
    from hr.caller import Caller

    state = DialogueState(subject={"period": "2026Q3"}, intent="completion_report", act="completion_report",
                          args={"by": "course", "period": "2026Q3"})
    specialist = Caller("E0165", "training_specialist", "hrd")
    result = resolve(routed("search_knowledge"), text, state, specialist, router, TODAY)
    assert (result.intent, result.slots.get("by"), result.slots.get("period")) == ("completion_report", "course",
                                                                                    "2026Q2")
    regrouped = resolve(routed("search_knowledge"), "按部门呢", state, specialist, router, TODAY)
    assert regrouped.slots.get("by") == "department"


@pytest.mark.parametrize(("text", "only_slots"), [("上个季度", True), ("last quarter", True), ("Q2", True), ("7月份", True),
                                                  ("上个季度的满意度", False), ("course health last quarter", False)])
def test_a_period_alone_names_a_slot_not_another_report(router, text, only_slots):
    """"上个季度呢" after a completion table narrows that table; read alone its focus had become "my progress"."""
    from bot.dialogue.resolve import _names_only_slots

    assert _names_only_slots(text, router.catalog) is only_slots


def test_a_follow_up_opening_with_a_preposition_keeps_the_last_questions_topic(router):
    state = DialogueState(intent="search_knowledge", act="answer", question="How many days of paternity leave do I get?")
    result = resolve(routed("search_knowledge", confident=True), "within what timeframe do I have to take it?", state,
                     LEARNER, router, TODAY)
    assert result.standalone == "days of paternity leave: within what timeframe do I have to take it?"
