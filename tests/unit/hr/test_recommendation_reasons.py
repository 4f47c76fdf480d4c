"""Recommendation reasons carry no stored codes (no English skill slug in Chinese, no 'video' / 'text' format codes)
and never say "you": HR or a manager may ask for someone else."""

import re
from types import SimpleNamespace

from hr.services.recommendations import REASON_TEXT, _recommendation

COURSE = SimpleNamespace(code="DATA-101", title="数据分析基础")


def test_a_skill_gap_reason_has_no_english_slug_in_chinese() -> None:
    reason = _recommendation(COURSE, "skill_gap", {"skill": "data-analysis"})
    assert not re.search(r"[A-Za-z]", reason.reason_zh) and "data analysis" in reason.reason_en


def test_a_format_reason_says_the_format_in_words() -> None:
    reason = _recommendation(COURSE, "preferred_format", {"fmt": "text"})
    assert reason.reason_zh == "符合偏好的学习形式（图文）" and reason.reason_en == "Matches the preferred format (reading)"
    plain = _recommendation(COURSE, "required", {})
    assert plain.reason_zh == "必修课程，尚未报名"


def test_no_reason_speaks_to_the_reader_as_the_learner() -> None:
    fills = {"skill": "data-analysis", "fmt": "video", "src": "SEC-101"}
    for kind in ("required", "remedial", "skill_gap", "preferred_format", "optional"):
        reason = _recommendation(COURSE, kind, {k: v for k, v in fills.items() if "{" + k + "}" in str(REASON_TEXT[kind])})
        assert not re.search(r"\byou(r)?\b", reason.reason_en, re.IGNORECASE) and "您" not in reason.reason_zh, kind
