""""which of them are overdue on SEC-201?" from a manager, after something other than their own course list, asks about
people (it showed the manager's own courses: "Courses overdue (0)"); after the asker's own list "them" is courses."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.resolve import resolve
from bot.dialogue.state import DialogueState
from bot.routing.catalog import Catalog, CourseName
from bot.routing.router import IntentRouter
from hr.caller import Caller
from tests.unit.bot.routing_support import routed

TODAY = date(2026, 12, 3)
MANAGER = Caller("E0010", "manager", "rnd")
AFTER_ENROLL = DialogueState(subject={"employee": "E0014", "course": "AI-101"}, intent="enroll", act="cancelled",
                             args={"employee": "E0014", "course": "AI-101"})


@pytest.fixture(scope="module")
def router():
    return IntentRouter(Catalog([CourseName("SEC-201", "安全开发进阶", "Secure Development")], []))


@pytest.mark.parametrize("text", ["which of them are overdue on SEC-201?", "他们谁的安全开发进阶逾期了"])
def test_a_managers_question_about_them_is_about_people(router, text):
    got = resolve(routed("my_progress", 0.6, {"only": "overdue", "course": "SEC-201"}), text, AFTER_ENROLL, MANAGER,
                  router, TODAY)
    assert got.intent == "team_progress" and got.slots.get("only") == "overdue"


def test_after_their_own_list_them_is_their_courses(router):
    own = DialogueState(subject={"employee": "E0010"}, intent="my_progress", act="progress", args={})
    got = resolve(routed("my_progress", 0.6, {"only": "overdue"}), "which of them are overdue?", own, MANAGER,
                  router, TODAY)
    assert got.intent == "my_progress"


def test_an_employee_asking_is_about_their_own(router):
    got = resolve(routed("my_progress", 0.6, {"only": "overdue"}), "which of them are overdue?", AFTER_ENROLL,
                  Caller("E0014", "employee", "rnd"), router, TODAY)
    assert got.intent == "my_progress"
