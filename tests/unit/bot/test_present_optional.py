"""KPI lines read plainly: the optional-courses line says "not counted" once and "no optional courses" rather than
"无数据（0/0），不计入"; a score and its responses share one bracket ("80.4 分（满分 100，98 份问卷）")."""

from __future__ import annotations

import pytest

from bot.present.kpi import item_line
from hr.explain import KpiItem


def optional(done: int, taken: int) -> KpiItem:
    return KpiItem(name="optional_completion", label_zh="选修课程完成（不计入）", label_en="Optional courses (not counted)",
                   value=done / taken if taken else None, unit="rate", formula="x",
                   inputs={"numerator": done, "denominator": taken}, verdict="not_counted")


@pytest.mark.parametrize(("language", "none", "some"), [
    ("zh", "选修课程完成（不计入）：没有选修课程", "选修课程完成（不计入）：76.9%（10/13）"),
    ("en", "Optional courses (not counted): no optional courses", "Optional courses (not counted): 76.9% (10/13)")])
def test_optional_courses_are_said_once_and_plainly(language, none, some):
    assert item_line(optional(0, 0), language) == none
    assert item_line(optional(10, 13), language) == some


def test_a_score_and_its_responses_share_one_bracket_in_chinese():
    score = KpiItem(name="satisfaction_score", label_zh="学员满意度", label_en="Satisfaction score", value=80.4,
                    unit="score", formula="x", inputs={"responses": 98}, thresholds={"met": 85, "excellent": 90},
                    verdict="below_target")
    assert item_line(score, "zh").startswith("学员满意度：80.4 分（满分 100，98 份问卷），未达标")
    assert item_line(score, "en").startswith("Satisfaction score: 80.4 / 100 (98 responses), below target")
