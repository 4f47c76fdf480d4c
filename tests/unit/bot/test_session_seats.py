"""A session with no seats left says it is full ("0 seats left" / "剩余 0 个名额" reads as a glitch); one seat is
singular."""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest

from bot.present.names import Names
from bot.tools.context import TurnContext
from bot.tools.enrollment_tools import _sessions_block
from hr.caller import Caller
from retrieval.types import Audience


def _deps(seats: list[int]):
    session = SimpleNamespace(starts_at=datetime(2026, 11, 28, 1, 0, tzinfo=UTC), hours=6, venue="Lab 301",
                              instructor="Zhou Tao")
    slots = [SimpleNamespace(session=session, seats_left=n, booked=False) for n in seats]
    hr = SimpleNamespace(course_sessions=lambda caller, code, employee: (SimpleNamespace(format="workshop"), slots),
                         policy=SimpleNamespace(notifications=SimpleNamespace(timezone="Asia/Shanghai")))
    return SimpleNamespace(hr=hr, names=Names())


@pytest.mark.parametrize(("language", "full", "one"), [("en", ", full", ", 1 seat left"), ("zh", "，已满", "，剩余 1 个名额")])
def test_a_full_session_says_full_and_one_seat_is_singular(language, full, one):
    ctx = TurnContext(caller=Caller("E0013", "employee", "rnd"), audience=Audience.of(), language=language,
                      channel="web", thread_id="t", today=date(2026, 8, 17))
    lines = _sessions_block(_deps([0, 1]), ctx, "SEC-201", "E0013").splitlines()
    assert lines[1].endswith(full) and lines[2].endswith(one)
    assert "0 seats" not in lines[1] and "剩余 0" not in lines[1]


@pytest.mark.parametrize(("language", "preview", "done"), [("en", "Session to be booked:", "Session booked:"),
                                                           ("zh", "将预约场次：", "已预约场次：")])
def test_a_preview_does_not_call_the_session_booked(language, preview, done):
    from bot.tools.enrollment_tools import _session_line

    deps = _deps([5])
    slot = deps.hr.course_sessions(None, "SEC-201", "E0013")[1][0]
    slot.session.id = 7
    ctx = TurnContext(caller=Caller("E0013", "employee", "rnd"), audience=Audience.of(), language=language,
                      channel="web", thread_id="t", today=date(2026, 8, 17))
    assert _session_line(deps, ctx, "SEC-201", "E0013", 7).startswith(preview)
    assert _session_line(deps, ctx, "SEC-201", "E0013", 7, booked=True).startswith(done)
