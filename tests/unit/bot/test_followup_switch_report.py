""""what about course health?" after course satisfaction is the course-health report (it repeated satisfaction: the
whole message, read alone, leaned towards a policy question); a follow-up naming no other report keeps the tool."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.resolve import resolve
from bot.dialogue.state import DialogueState
from bot.routing.catalog import Catalog, CourseName, DepartmentName
from bot.routing.router import IntentRouter
from hr.caller import Caller

TODAY = date(2026, 12, 3)
HR = Caller("E0168", "hr", "hrd")
CATALOG = Catalog([CourseName("SEC-101", "信息安全基础", "Information Security Basics")],
                  [DepartmentName("rnd", "研发部", "R&D")])
SATISFACTION = DialogueState(subject={"period": "2026Q4"}, intent="course_satisfaction", act="course_satisfaction",
                             args={"period": "2026Q4"})


@pytest.fixture(scope="module")
def router():
    return IntentRouter(CATALOG)


def test_what_about_another_report_is_that_report(router):
    text = "what about course health?"
    got = resolve(router.route(text, TODAY), text, SATISFACTION, HR, router, TODAY)
    assert got.intent == "course_health"


def test_what_about_a_period_keeps_the_report(router):
    text = "what about last quarter?"
    got = resolve(router.route(text, TODAY), text, SATISFACTION, HR, router, TODAY)
    assert got.intent == "course_satisfaction"
