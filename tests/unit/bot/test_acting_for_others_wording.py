"""A list about a colleague (HR or a manager asking) tells how to enroll *them*, not "enroll me in …"."""

from __future__ import annotations

from datetime import date

from bot.tools.context import TurnContext
from bot.tools.enrollment_tools import _enroll_hint
from hr.caller import Caller
from retrieval.types import Audience


def _ctx(language: str) -> TurnContext:
    return TurnContext(caller=Caller("E0168", "hr", "hrd"), audience=Audience.of(), language=language, channel="web",
                       thread_id="t", today=date(2026, 8, 17))


def test_the_enroll_hint_names_the_colleague_the_list_is_about():
    assert _enroll_hint(_ctx("en"), "E0013") == 'To enroll them, say "enroll E0013 in <course>".'
    assert "帮 E0013 报名" in _enroll_hint(_ctx("zh"), "E0013") and "帮我" not in _enroll_hint(_ctx("zh"), "E0013")
    assert _enroll_hint(_ctx("en"), "E0168") == 'To enroll, say "enroll me in <course>".'
