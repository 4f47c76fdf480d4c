""""如果我把逾期的都学完呢" / "what if I finish the overdue ones?" after a KPI is what the KPI would become (the KPI
reply carries its what-ifs); it showed the overdue list in Chinese and a policy passage in English. Not doing
something ("要是我没学完会怎样") stays a rule question."""

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
ME = Caller("E0008", "manager", "hrd")
KPI = DialogueState(subject={"employee": "E0008", "period": "2026Q4"}, intent="explain_kpi", act="kpi", args={})


@pytest.fixture(scope="module")
def router():
    return IntentRouter(Catalog([CourseName("LDR-301", "新任经理领导力", "Leadership for New Managers")], []))


@pytest.mark.parametrize(("text", "first"), [
    ("如果我把逾期的都学完呢", "my_progress"),
    ("what if I finish the overdue ones?", "my_progress"),
    ("what if I finish the overdue ones?", "search_knowledge"),
    ("要是我把剩下的课都完成了呢", "search_knowledge"),
])
def test_finishing_courses_after_a_kpi_is_the_kpis_what_if(router, text, first):
    got = resolve(routed(first, 0.5, {"only": "overdue"} if first == "my_progress" else {}), text, KPI, ME, router,
                  TODAY)
    assert got.intent == "explain_kpi"


@pytest.mark.parametrize("text", ["要是我没学完会怎样", "what happens if I don't finish them?"])
def test_not_finishing_is_a_rule_question(router, text):
    got = resolve(routed("search_knowledge", 0.5), text, KPI, ME, router, TODAY)
    assert got.intent == "search_knowledge"


DEPARTMENT_KPI = DialogueState(subject={"department": "rnd", "period": "2026Q4"}, intent="explain_kpi",
                               act="department_kpi", args={"department": "rnd"})


@pytest.mark.parametrize("text", ["为什么扣分", "为啥被扣了", "why were we penalised?", "如果逾期的人都补完了呢",
                                  "what if everyone catches up?"])
def test_why_and_what_if_after_a_department_kpi_stay_with_the_department(router, text):
    """After R&D's KPI, "为什么扣分" read as the manager's own KPI (the router's explain_kpi carries no department)."""
    got = resolve(routed("explain_kpi", 0.8), text, DEPARTMENT_KPI, ME, router, TODAY)
    assert got.intent == "explain_kpi" and got.slots.get("department") == "rnd", got
