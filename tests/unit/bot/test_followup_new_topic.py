"""A follow-up that brings a new topic ("and can I carry unused days over?") quotes the new rule first and does not
lead with the line that answered the previous question."""

from __future__ import annotations

from bot.answering.compose import Pick, choose
from bot.dialogue.state import DialogueState
from bot.followup import follow_up_focus, rewrite
from retrieval.types import Passage

DAYS = Passage("leave-days", "已满10年不满20年的，年休假10天。", 0.0, "policies/leave.md", "休假管理制度", "带薪年休假天数",
               language="zh")
CARRY = Passage("leave-carry", "年休假原则上在当年使用完毕。当年未休完的年假可以结转至次年3月31日，逾期作废。", 0.0,
                "policies/leave.md", "休假管理制度", "年假的使用与结转", language="zh")
TWELVE_YEARS = "已满10年不满20年的，年休假10天。"
CARRY_OVER = "当年未休完的年假可以结转至次年3月31日，逾期作废。"


def test_and_before_a_question_of_its_own_is_not_a_subject_to_swap_in() -> None:
    previous = "I've worked for 12 years, how many days of annual leave do I get?"
    assert follow_up_focus("and can I carry unused days over?") is None
    assert rewrite("and can I carry unused days over?", previous) == "and can I carry unused days over?"
    assert follow_up_focus("And how do I apply?") is None
    assert follow_up_focus("and transport?") == "transport"  # a new subject still is one
    assert follow_up_focus("and for managers?") == "managers"


def test_the_best_sentence_leads_even_from_a_lower_ranked_passage() -> None:
    # (another section of the document is quoted only when nearly as good: compose.OTHER_PASSAGE_MARGIN)
    scored = [Pick(CARRY_OVER, 1, 1, 9.0, CARRY), Pick(TWELVE_YEARS, 0, 0, 8.8, DAYS)]
    assert [p.sentence for p in choose(scored)] == [CARRY_OVER, TWELVE_YEARS]


def test_a_follow_up_does_not_repeat_the_line_that_answered_the_last_question() -> None:
    scored = [Pick(CARRY_OVER, 1, 1, 9.2, CARRY), Pick(TWELVE_YEARS, 0, 0, 9.0, DAYS),
              Pick("年休假原则上在当年使用完毕。", 1, 0, 8.5, CARRY)]
    assert TWELVE_YEARS in [p.sentence for p in choose(scored)]
    chosen = [p.sentence for p in choose(scored, answered_before=TWELVE_YEARS)]
    assert chosen == ["年休假原则上在当年使用完毕。", CARRY_OVER]
    # when the last answer's line is also the best answer to the new question, it is quoted again
    again = [Pick(TWELVE_YEARS, 0, 0, 9.2, DAYS), Pick(CARRY_OVER, 1, 1, 9.0, CARRY)]
    assert [p.sentence for p in choose(again, answered_before=TWELVE_YEARS)][0] == TWELVE_YEARS


def test_the_thread_remembers_what_answered_and_old_states_still_load() -> None:
    state = DialogueState(question="年假有几天？", answered=TWELVE_YEARS)
    assert DialogueState.from_json(state.to_json()).answered == TWELVE_YEARS
    assert DialogueState.from_json('{"question": "年假有几天？"}').answered == ""
