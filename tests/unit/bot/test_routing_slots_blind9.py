"""Slot readings the first pass of blind routing set 9 got wrong, in general form: a department's letters inside a
course code, a hyphenated count, a course's distinctive word before 小测验, a month asked of progress (not of a KPI)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.routing.catalog import Catalog, CourseName, DepartmentName
from bot.routing.slots import SlotFiller

TODAY = date(2026, 8, 15)
CATALOG = Catalog(
    [CourseName("CS-101", "客户服务沟通", "Customer Service Communication"),
     CourseName("IT-201", "信息系统运维", "Systems Operations"),
     CourseName("CMP-101", "合规与商业道德", "Compliance and Business Ethics"),
     CourseName("AI-101", "提示词工程入门", "Prompt Engineering Fundamentals")],
    [DepartmentName("cs", "客户服务部", "Customer Service"), DepartmentName("it", "信息技术部", "IT")])
FILLER = SlotFiller(CATALOG)


@pytest.mark.parametrize("text", ["which of my direct reports haven't finished CS-101", "我组里谁还没学完CS101",
                                  "who on my team is behind on IT-201?"])
def test_a_course_code_never_names_the_department_its_letters_spell(text):
    assert "department" not in FILLER.fill("team_progress", text, TODAY, ("course", "department", "period"))


def test_a_department_named_beside_a_course_code_is_still_read():
    slots = FILLER.fill("team_progress", "who in customer service is behind on CS-101", TODAY, ("course", "department"))
    assert slots == {"course": "CS-101", "department": "cs"}


def test_a_hyphenated_count_is_the_number_of_questions():
    assert FILLER.fill("generate_quiz", "a quick 3-question quiz on prompt engineering", TODAY, ("course", "n")) == {
        "course": "AI-101", "n": 3}


def test_a_distinctive_title_word_before_a_quiz_word_names_the_course():
    assert FILLER.fill("generate_quiz", "想做个合规的小测验", TODAY, ("course", "n")) == {"course": "CMP-101"}


@pytest.mark.parametrize(("intent", "text"), [("team_progress", "我的团队上个月培训进度咋样"),
                                              ("my_progress", "how was my training progress last month?")])
def test_last_month_is_the_period_of_a_progress_question(intent, text):
    assert FILLER.fill(intent, text, TODAY, ("period",)) == {"period": "2026-07"}


def test_a_kpi_keeps_the_quarter_or_year_hr_scores_it_by():
    assert "period" not in FILLER.fill("explain_kpi", "上个月学完了两门课，KPI为什么才40多", TODAY, ("period",))


@pytest.mark.parametrize(("text", "period"), [("training completion table for the board, full year 2025", "2025"),
                                              ("2025年全年的完成率", "2025"), ("今年全年的完成率", "2026")])
def test_a_year_written_out_wins_over_full_year_around_it(text, period):
    """Blind set 12: "full year 2025" had become this year."""
    assert FILLER.fill("completion_report", text, TODAY, ("period",)).get("period") == period


def test_month_over_month_is_a_trend_by_month():
    slots = FILLER.fill("completion_report", "how has completion moved month over month in IT?", TODAY,
                        ("by", "department"))
    assert slots.get("by") == "month" and slots.get("department") == "it"
