""""为什么计划完成率这么低" after the training specialists' KPIs is those figures again (it showed the asker's own
personal KPI: the words alone read as "my KPI"); a question naming someone else is a request of its own."""

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
HR = Caller("E0168", "hr", "hrd")
SPECIALISTS = DialogueState(subject={"period": "2026Q4"}, intent="specialist_kpis", act="specialist_kpi",
                            args={"period": "2026Q4"})


@pytest.fixture(scope="module")
def router():
    return IntentRouter(Catalog([CourseName("SEC-101", "信息安全基础", "Information Security Basics")], []))


@pytest.mark.parametrize("text", ["为什么计划完成率这么低", "why is venue utilisation so low?", "为啥讲师利用率那么低"])
def test_why_a_figure_is_low_stays_with_those_figures(router, text):
    got = resolve(routed("explain_kpi", 0.6), text, SPECIALISTS, HR, router, TODAY)
    assert got.intent == "specialist_kpis"


def test_naming_a_person_is_their_kpi(router):
    got = resolve(routed("explain_kpi", 0.6, {"employee": "E0013"}), "why is E0013's KPI so low?", SPECIALISTS, HR,
                  router, TODAY)
    assert got.intent == "explain_kpi"


@pytest.mark.parametrize("text", ["为啥是这个分", "为什么只有这个分数", "why that score?", "how come such a result?"])
def test_why_this_score_after_a_kpi_is_that_kpi_again(router, text):
    own = DialogueState(subject={"employee": "E0061", "period": "2026Q3"}, intent="explain_kpi", act="kpi",
                        args={"period": "2026Q3"})
    got = resolve(routed("search_knowledge", 0.33), text, own, Caller("E0061", "employee", "rnd"), router, TODAY)
    assert got.intent == "explain_kpi" and got.slots.get("period") == "2026Q3"


@pytest.mark.parametrize("text", ["是哪些课拖了后腿", "which courses are dragging it down?", "哪门课拉低了分数"])
def test_what_drags_a_kpi_down_is_that_persons_courses_behind(router, text):
    manager_view = DialogueState(subject={"employee": "E0013", "period": "2026Q3"}, intent="explain_kpi", act="kpi",
                                 args={"employee": "E0013", "period": "2026Q3"})
    got = resolve(routed("course_catalog", 0.16), text, manager_view, HR, router, TODAY)
    assert (got.intent, got.slots.get("only"), got.slots.get("employee")) == ("my_progress", "behind", "E0013")
