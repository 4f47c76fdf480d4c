"""A bare "why?" after a refusal is answered with the refusal's reason again (it got the help text), and a person
saying which department they are in ("我是财务部的，能报SEC-201吗") is not asking to enroll that whole department
(HR refused it as a department they may not see)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.resolve import resolve
from bot.dialogue.state import DialogueState
from bot.routing.catalog import Catalog, CourseName, DepartmentName
from bot.routing.router import IntentRouter
from hr.caller import Caller
from tests.unit.bot.routing_support import routed

TODAY = date(2026, 8, 17)
EMPLOYEE = Caller("E0152", "employee", "fin")
CATALOG = Catalog([CourseName("SEC-201", "安全开发进阶", "Secure Development")],
                  [DepartmentName("fin", "财务部", "Finance"), DepartmentName("rnd", "研发部", "R&D")])
REFUSED = DialogueState(subject={"course": "SEC-201", "employee": "E0152"}, intent="enroll", act="enroll_refused",
                        args={"course": "SEC-201"})


@pytest.fixture(scope="module")
def router():
    return IntentRouter(CATALOG)


@pytest.mark.parametrize("text", ["为啥不行", "为什么？", "why not?", "how come", "but why"])
def test_a_bare_why_after_a_refusal_runs_the_refused_request_again(router, text):
    got = resolve(routed("help", 0.2), text, REFUSED, EMPLOYEE, router, TODAY)
    assert got.intent == "enroll" and got.slots == {"course": "SEC-201"}


def test_a_why_with_a_topic_of_its_own_is_no_bare_why(router):
    got = resolve(routed("search_knowledge", 0.8), "为什么要先学SEC-101", REFUSED, EMPLOYEE, router, TODAY)
    assert got.intent != "enroll"


def test_a_bare_why_after_an_answer_is_not_a_refusal(router):
    state = DialogueState(intent="search_knowledge", act="answer", question="年假几天")
    got = resolve(routed("help", 0.2), "为啥", state, EMPLOYEE, router, TODAY)
    assert got.intent != "enroll"


@pytest.mark.parametrize("text", ["我是财务部的，能报SEC-201吗", "I'm in the Finance department, can I enroll in SEC-201?"])
def test_the_askers_own_department_said_in_passing_is_no_department_to_enroll(router, text):
    assert "department" not in router.slots_for("enroll", text, TODAY)


def test_a_department_to_enroll_is_still_read(router):
    assert router.slots_for("enroll", "帮财务部全员报名SEC-201", TODAY).get("department") == "fin"


def test_a_report_keeps_the_department_the_asker_is_in(router):
    assert router.slots_for("completion_report", "我是财务部的，财务部完成率多少", TODAY).get("department") == "fin"
