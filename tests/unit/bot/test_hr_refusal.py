"""HRRefusal, the shared catcher around a tool's HR calls: an HR refusal becomes the tool's refused (or clarify)
result in the reader's language; any other error still reaches the toolkit's generic handler."""

from __future__ import annotations

from datetime import date

import pytest

from bot.tools.context import TurnContext
from bot.tools.hr_refusal import HRRefusal
from hr.caller import Caller
from hr.errors import HRError
from retrieval.types import Audience


def _ctx(language: str) -> TurnContext:
    return TurnContext(caller=Caller("E0091", "employee", "sales"), audience=Audience.of(), language=language,
                       channel="web", thread_id="t", today=date(2026, 8, 17))


@pytest.mark.parametrize(("language", "wanted"), [("zh", "无权查看"), ("en", "not allowed")])
def test_an_hr_refusal_becomes_the_tools_refused_result(language, wanted):
    with HRRefusal("my_progress", {"employee": "E0013"}, _ctx(language), {"employee": "E0013"}) as refusal:
        raise HRError("forbidden", "You are not allowed to see that.", "你无权查看该信息。")
    result = refusal.result
    assert refusal.error is not None and refusal.error.code == "forbidden"
    assert (result.name, result.ok, result.act, result.error, result.private) == \
        ("my_progress", False, "refused", "forbidden", True)
    assert wanted in result.text and result.subject == {"employee": "E0013"}
    assert result.args == {"employee": "E0013"}


def test_an_unknown_id_asks_again_and_a_tool_act_is_kept():
    with HRRefusal("enroll", {}, _ctx("en"), act="enroll_refused") as refusal:
        raise HRError("invalid", "Not eligible.", "不符合条件。")
    assert refusal.result.act == "enroll_refused"
    with HRRefusal("my_progress", {}, _ctx("en")) as unknown:
        raise HRError("not_found", "No such employee.", "没有这个员工。")
    assert unknown.result.act == "clarify" and unknown.result.subject == {}


def test_other_errors_pass_through_and_no_error_leaves_no_result():
    with pytest.raises(KeyError), HRRefusal("my_progress", {}, _ctx("en")):
        raise KeyError("bug")
    with HRRefusal("my_progress", {}, _ctx("en")) as refusal:
        value = 1
    assert value == 1 and refusal.result is None and refusal.error is None
