"""Recommendation reasons carry no stored codes: no English skill slug in Chinese, no 'video' / 'text' format codes."""

import re
from types import SimpleNamespace

from hr.services.recommendations import _recommendation

COURSE = SimpleNamespace(code="DATA-101", title="数据分析基础")


def test_a_skill_gap_reason_has_no_english_slug_in_chinese() -> None:
    reason = _recommendation(COURSE, "skill_gap", {"skill": "data-analysis"})
    assert not re.search(r"[A-Za-z]", reason.reason_zh) and "data analysis" in reason.reason_en


def test_a_format_reason_says_the_format_in_words() -> None:
    reason = _recommendation(COURSE, "preferred_format", {"fmt": "text"})
    assert reason.reason_zh == "符合您偏好的学习形式（图文）" and reason.reason_en == "Matches your preferred format (reading)"
    plain = _recommendation(COURSE, "required", {})
    assert plain.reason_zh == "必修课程，尚未报名"
