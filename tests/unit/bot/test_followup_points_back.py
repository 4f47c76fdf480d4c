"""A short message about "it" / "that" / "它" leans on the figure just shown ("why is it low?" after last quarter's
KPI stays last quarter's); asking a course's deadline ("deadline for it?", "这门课截止时间") is its catalogue record."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.resolve import resolve
from bot.dialogue.state import DialogueState
from bot.routing.catalog import Catalog, CourseName, DepartmentName
from bot.routing.router import IntentRouter
from bot.tools.course_facts import asks_course_length
from hr.caller import Caller
from tests.unit.bot.routing_support import routed

TODAY = date(2026, 8, 17)
MANAGER = Caller("E0003", "manager", "rnd")
CATALOG = Catalog([CourseName("SEC-101", "信息安全基础", "Information Security Basics")],
                  [DepartmentName("rnd", "研发部", "R&D")])
LAST_QUARTER = {"start": "2026-04-01", "end": "2026-06-30", "label": "2026-Q2"}


@pytest.fixture(scope="module")
def router():
    return IntentRouter(CATALOG)


@pytest.mark.parametrize("text", ["why is it so low?", "how is that worked out?", "它是怎么算的？"])
def test_a_short_question_about_it_keeps_the_figure_just_shown(router, text):
    state = DialogueState(subject={"department": "rnd"}, intent="explain_kpi", act="department_kpi",
                          args={"department": "rnd", "period": LAST_QUARTER})
    got = resolve(routed("explain_kpi", 0.9, {}), text, state, MANAGER, router, TODAY)
    assert got.follow_up and got.slots.get("period") == LAST_QUARTER and got.slots.get("department") == "rnd"


def test_a_long_request_mentioning_it_is_a_request_of_its_own(router):
    state = DialogueState(subject={"department": "rnd"}, intent="explain_kpi", act="department_kpi",
                          args={"department": "rnd", "period": LAST_QUARTER})
    text = "please tell me what my KPI is and how it is worked out for this year"
    got = resolve(routed("explain_kpi", 0.9, {}), text, state, MANAGER, router, TODAY)
    assert not got.follow_up and "period" not in got.slots


@pytest.mark.parametrize("text", ["what's the deadline for it?", "due date for this course?", "这门课截止时间是什么时候",
                                  "那门课的期限是多久"])
def test_a_courses_deadline_is_asked_of_the_catalogue(text):
    assert asks_course_length(text)


@pytest.mark.parametrize("text", ["what's the deadline for expense claims?", "报销截止时间是什么时候"])
def test_a_rules_deadline_is_not_the_courses(text):
    assert not asks_course_length(text)
