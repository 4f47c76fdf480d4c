"""A completion report asked over time ("趋势", "by month", "近半年", "last 3 quarters") is cut by month or quarter."""

from __future__ import annotations

import pytest

from bot.routing.slots import names_grouping
from bot.routing.trend_window import over_time


@pytest.mark.parametrize(("text", "expected"), [
    ("近半年的完成率趋势", ("month", 6)),
    ("最近3个月研发部的完成率变化", ("month", 3)),
    ("过去两个季度的完成率", ("quarter", 2)),
    ("按季度看完成率", ("quarter", None)),
    ("今年每个月的完成率", ("month", None)),
    ("近一年按季度的完成率走势", ("quarter", 4)),
    ("completion over the last six months", ("month", 6)),
    ("completion for the past 4 quarters", ("quarter", 4)),
    ("quarterly completion this year", ("quarter", None)),
    ("how has completion changed month by month", ("month", None)),
    ("completion trend over the past year", ("month", 12)),
    ("completion over the past 12 months", ("month", 12)),
])
def test_over_time_reads_the_step_and_how_far_back(text, expected):
    assert over_time(text) == expected


@pytest.mark.parametrize("text", ["销售部本季度培训完成率是多少", "各部门完成率排名", "哪些课程完成率最低", "只看7月的",
                                  "completion rate by department", "上季度呢", "what about last quarter"])
def test_a_report_for_one_period_is_not_a_trend(text):
    assert over_time(text) == (None, None)


def test_a_follow_up_that_asks_for_a_trend_names_its_own_grouping():
    assert names_grouping("按月看看") and names_grouping("show it by quarter") and not names_grouping("上季度呢")

