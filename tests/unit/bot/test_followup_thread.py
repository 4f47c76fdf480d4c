"""Elliptical follow-ups keep the thread: a full question after 那 stands alone, a bare noun swaps the modifier,
a short question about an inherited course keeps the course, a condition without its topic continues the last one,
a bare yes with nothing pending asks what is meant."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.acknowledge import acknowledgement_reply, bare_acknowledgement
from bot.dialogue.resolve import resolve, topicless
from bot.dialogue.state import DialogueState
from bot.followup import follow_up_focus, rewrite
from bot.routing.intents import Routed
from bot.routing.router import IntentRouter
from hr.caller import Caller
from tests.unit.bot.test_routing import CATALOG

TODAY = date(2026, 8, 17)
LEARNER = Caller("E0056", "employee", "sales")


@pytest.fixture(scope="module")
def router():
    return IntentRouter(CATALOG)


def routed(intent: str, confident: bool = True) -> Routed:
    return Routed(intent, {}, 0.9 if confident else 0.2, confident, intent)


def test_a_full_question_after_na_is_not_a_focus_phrase():
    assert follow_up_focus("那客户送的礼品多少钱以内可以收") is None
    assert rewrite("那客户送的礼品多少钱以内可以收", "合规课考试要多少分才算过？") == "那客户送的礼品多少钱以内可以收"
    assert follow_up_focus("那补考呢？") == "补考"


def test_a_bare_noun_swaps_the_english_modifier():
    assert rewrite("and transport?", "How much is the lunch allowance?") == "How much is the transport allowance?"


def test_a_condition_without_its_topic_continues_the_last_question():
    assert topicless("超过了咋办") and topicless("what if I go over?")
    assert not topicless("年假有几天")


def test_a_short_question_about_a_session_keeps_the_course(router):
    state = DialogueState(subject={"course": "SEC-201"}, intent="session_info", act="session_info",
                          args={"course": "SEC-201"})
    result = resolve(routed("session_info"), "在哪上？", state, LEARNER, router, TODAY)
    assert result.intent == "session_info" and result.slots.get("course") == "SEC-201"


def test_a_bare_yes_with_nothing_pending_asks_what_is_meant():
    assert bare_acknowledgement("yes") and bare_acknowledgement("好的") and not bare_acknowledgement("yes, enroll me in AI-101")
    zh = acknowledgement_reply(DialogueState(subject={"course": "SEC-201"}, intent="session_info"), "zh")
    assert "SEC-201" in zh and "？" in zh
    en = acknowledgement_reply(DialogueState(), "en")
    assert "?" in en and not any("\u4e00" <= ch <= "\u9fff" for ch in en)


def test_a_which_one_reply_picks_by_department_or_position():
    from bot.dialogue.candidates import AMONG, chosen_candidate
    among = [["E0031", "sales"], ["E0072", "rnd"]]
    state = DialogueState(act="clarify", intent="employee_progress", args={AMONG: among})
    assert chosen_candidate(state, "销售部那个", CATALOG) == "E0031"
    assert chosen_candidate(state, "the one in R&D", CATALOG) == "E0072"
    assert chosen_candidate(state, "the second one", CATALOG) == "E0072"
    assert chosen_candidate(state, "第一个", CATALOG) == "E0031"
    assert chosen_candidate(DialogueState(act="progress", args={AMONG: among}), "第一个", CATALOG) is None
    both_in_sales = DialogueState(act="clarify", args={AMONG: [["E0031", "sales"], ["E0032", "sales"]]})
    assert chosen_candidate(both_in_sales, "销售部那个", CATALOG) is None
