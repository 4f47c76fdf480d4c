""""哪门最急？" / "which one is due first?" after a progress list names the one open course due soonest (it abstained in
Chinese and repeated the whole list in English); "what do I still need to finish?" is the open courses."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from bot.present.names import Names
from bot.present.progress import render_person
from bot.routing.slots import parse_only


@pytest.mark.parametrize("text", ["哪门最急？", "哪门课最先到期", "which one is due first?", "what's most urgent?",
                                  "which course should I do first"])
def test_asking_what_is_due_first_is_the_next_course(text):
    assert parse_only(text) == "next"


@pytest.mark.parametrize("text", ["what do I still need to finish?", "which courses are remaining", "还有哪些课没完成？"])
def test_what_is_still_to_do_is_the_open_courses(text):
    assert parse_only(text) == "open"


def _course(code, status, due, overdue=False):
    return SimpleNamespace(course_code=code, status=status, due_on=due, overdue=overdue, behind=False,
                           progress_pct=40, completed_on=None)


@pytest.mark.parametrize(("language", "head"), [("zh", "最先到期的课程"), ("en", "Due first")])
def test_the_next_course_is_the_open_one_due_soonest(language, head):
    progress = SimpleNamespace(name="高丽", employee_id="E0008", period=None,
                               completion=SimpleNamespace(numerator=2, denominator=3),
                               courses=[_course("SEC-101", "completed", date(2026, 1, 1)),
                                        _course("LDR-301", "in_progress", date(2026, 12, 19)),
                                        _course("DATA-101", "in_progress", date(2026, 9, 22), overdue=True),
                                        _course("AI-101", "enrolled", None)])
    names = Names({"DATA-101": ("数据分析基础", "Data Analysis Basics")})
    text = render_person(progress, names, language, "next")
    assert head in text and "DATA-101" in text
    assert not any(code in text for code in ("SEC-101", "LDR-301", "AI-101"))
