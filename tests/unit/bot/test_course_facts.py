"""A question about how long a named course takes, or how long one has to finish it, gets HR's catalogue record
("数据分析那门大概要花多少时间" after the catalogue: its pages never say 3 hours); a rule's own deadline does not."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from bot.present.names import Names
from bot.tools.context import TurnContext
from bot.tools.course_facts import asks_course_length, course_length_line
from hr.caller import Caller
from retrieval.types import Audience


@pytest.mark.parametrize("text", ["数据分析那门大概要花多少时间", "这门课要多久内学完？", "要多久之内学完",
                                  "and how long do I have to finish it?", "how long does the course take",
                                  "how many hours is DATA-101"])
def test_asking_a_courses_length_is_recognised(text):
    assert asks_course_length(text)


@pytest.mark.parametrize("text", ["电脑丢了要多久之内上报", "补考要在多久内申请", "how long do I have to file a correction",
                                  "年假有几天"])
def test_a_rules_own_deadline_is_not_a_courses_length(text):
    assert not asks_course_length(text)


def _deps(due_days):
    course = SimpleNamespace(code="DATA-101", hours=3.0, due_days=due_days, format="document")
    hr = SimpleNamespace(offerings=lambda caller: [SimpleNamespace(course=course)],
                         policy=SimpleNamespace(progress=SimpleNamespace(default_due_days=90)))
    return SimpleNamespace(hr=hr, names=Names({"DATA-101": ("数据分析基础", "Data Analysis Basics")}))


@pytest.mark.parametrize(("language", "due_days", "wanted"), [
    ("zh", None, ("DATA-101 数据分析基础", "3 小时", "90 天")),
    ("en", 60, ("DATA-101 Data Analysis Basics", "3 hours", "60 days")),
])
def test_the_catalogue_line_gives_hours_and_days_allowed(language, due_days, wanted):
    ctx = TurnContext(caller=Caller("E0091", "employee", "sales"), audience=Audience.of(), language=language,
                      channel="web", thread_id="t", today=date(2026, 8, 17))
    line = course_length_line(_deps(due_days), ctx, "data-101")
    assert all(w in line for w in wanted)
    assert course_length_line(_deps(due_days), ctx, "SEC-101") == ""  # a course HR does not hold: nothing said
