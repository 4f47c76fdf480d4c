"""The optional-courses line says "not counted" once (its label says it) and "no optional courses" rather than
"无数据（0/0），不计入"."""

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
