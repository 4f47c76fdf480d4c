"""HR results in the reader's language: no raw statuses, verdicts or English formulas in a Chinese reply."""

from __future__ import annotations

import re
from datetime import date

from bot.present import numbers, words
from bot.present.kpi import item_line, render_kpi
from bot.present.names import Names
from bot.present.progress import render_person
from hr.explain import KpiExplanation, KpiItem, PolicyClause
from hr.rules.rates import Rate
from hr.services.progress import CourseProgress, EmployeeProgress

CJK = re.compile(r"[\u4e00-\u9fff]")
NAMES = Names({"SEC-101": ("信息安全基础", "Information Security Basics")}, {"rnd": ("研发部", "R&D")})


def gate(allowed: bool) -> KpiItem:
    """The "may be rated excellent" rule at 1 of 2 courses done."""
    return KpiItem(name="excellent_allowed", label_zh="可评优秀", label_en="May be rated excellent",
                   value=1.0 if allowed else 0.0, unit="bool", formula="completion 50.0% (1/2) ≥ 90%",
                   inputs={"numerator": 1, "denominator": 2, "value": 0.5},
                   thresholds={"min_completion_rate": 0.9}, verdict="yes" if allowed else "no")


def test_a_kpi_rule_says_what_it_means():
    assert item_line(gate(False), "zh") == "可评优秀：否（完成率 50.0%（1/2） 低于 90%）"
    assert item_line(gate(False), "en") == "May be rated excellent: no (completion 50.0% (1/2) is below 90%)"


def test_a_chinese_kpi_reply_has_no_english_working():
    points = KpiItem(name="training_points", label_zh="培训积分", label_en="Training points", value=12.5,
                     unit="points", formula="0.5 × 10 + 1 × 5 = 10", thresholds={"max": 15},
                     inputs={"completion_part": 5.0, "exam_part": 7.5})
    target = KpiItem(name="plan_completion_rate", label_zh="培训计划完成率", label_en="Plan completion rate",
                     value=0.788607, unit="rate", formula="sessions held / planned = 7/9",
                     inputs={"numerator": 7, "denominator": 9}, thresholds={"met": 0.95, "excellent": 0.98},
                     verdict="below_target",
                     clause=PolicyClause(key="specialist.plan", text_zh="计划完成率", text_en="Plan completion"))
    explanation = KpiExplanation(subject_kind="employee", subject_id="E0013", subject_name="刘平", period="2026Q3",
                                 policy="p", items=[gate(False), points, target])
    zh = render_kpi(explanation, "zh")
    assert not re.search(r"[A-Za-z]{3,}", zh.replace("KPI", "")), zh
    assert "78.9%（7/9），未达标" in zh and "78.8607" not in zh
    en = render_kpi(explanation, "en")
    assert not CJK.search(en.replace("刘平", "")) and "below target" in en


def test_progress_statuses_are_words_in_the_readers_language():
    course = CourseProgress("SEC-101", "信息安全基础", "overdue", 5, date(2026, 2, 11), None, True, True)
    progress = EmployeeProgress("E0018", "王超", None, Rate(2, 4), [course])
    zh = render_person(progress, NAMES, "zh")
    assert "已逾期" in zh and "overdue" not in zh and "2026年2月11日" in zh
    en = render_person(progress, NAMES, "en", own=False)
    assert "overdue" in en and "Information Security Basics" in en and "11 Feb 2026" in en


def test_numbers_for_people():
    assert numbers.percent(0.7886074766, "zh") == "78.9%" and numbers.percent(None, "en") == "n/a"
    assert numbers.bar(0.9) == "90%" and numbers.number(13.50, "en") == "13.5" and numbers.signed(-5, "en") == "-5"
    assert words.status("in_progress", "zh") == "学习中" and words.skip_reason("quiet_hours", "zh").startswith("现在")


def test_exam_results_name_the_weakest_course_or_the_first_attempts_when_pass_rates_tie():
    from bot.present.names import Names
    from bot.present.trends import render_exam_report
    from hr.rules.rates import Rate
    from hr.services.exam_report import CourseExamRow, ExamReport

    names = Names({"SEC-101": ("信息安全基础", "Information Security Basics"), "CMP-101": ("合规与商业道德", "Compliance")}, {})
    tied = ExamReport("2026Q4", "company", [CourseExamRow("SEC-101", "信息安全基础", 80, Rate(2, 2), Rate(1, 2), 3, 84.7),
                                            CourseExamRow("CMP-101", "合规与商业道德", 70, Rate(1, 1), Rate(1, 1), 1, 88)])
    assert "lowest first-attempt pass rate: SEC-101 Information Security Basics 50.0%" in render_exam_report(
        tied, names, "en")
    apart = ExamReport("2026Q4", "company", [CourseExamRow("SEC-101", "信息安全基础", 80, Rate(1, 2), Rate(0, 2), 3, 70),
                                             CourseExamRow("CMP-101", "合规与商业道德", 70, Rate(1, 1), Rate(1, 1), 1, 88)])
    text = render_exam_report(apart, names, "zh")
    assert "通过率最低：SEC-101 信息安全基础 50.0%" in text and "范围：全公司" in text
