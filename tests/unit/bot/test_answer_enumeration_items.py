"""A numbered enumeration on one line ("（一）元旦，放假1天；（二）春节，放假4天；…"): the one item that covers the question
is quoted with the enumeration's lead-in, not the whole list (shared corpus: "春节放几天" quoted a neighbouring
annual-leave article because the whole holiday list scored lower than that article)."""

from dataclasses import dataclass

from bot.answering.compose import candidate_sentences
from bot.answering.rows import enumerated_items, item_naming

HOLIDAYS = ("第二条 全体公民放假的节日：（一）元旦，放假1天（1月1日）；（二）春节，放假4天（农历除夕、正月初一至初三）；"
            "（三）清明节，放假1天（农历清明当日）；（四）劳动节，放假2天（5月1日、2日）。")


def _naming(*words):
    return lambda text: float(sum(1 for word in words if word in text))


def test_an_enumeration_is_read_as_lead_in_and_items():
    lead, items = enumerated_items(HOLIDAYS)
    assert lead == "第二条 全体公民放假的节日："
    assert items[1] == "（二）春节，放假4天（农历除夕、正月初一至初三）；"
    assert len(items) == 4


def test_the_item_naming_the_asked_thing_is_quoted_with_the_lead_in():
    assert item_naming(HOLIDAYS, _naming("春节", "放假")) == "第二条 全体公民放假的节日：（二）春节，放假4天（农历除夕、正月初一至初三）；"
    assert item_naming(HOLIDAYS, _naming("劳动节")).endswith("（四）劳动节，放假2天（5月1日、2日）。")


def test_a_question_about_the_whole_list_keeps_the_whole_sentence():
    assert item_naming(HOLIDAYS, _naming("放假")) is None  # every item says it: no one item answers
    assert item_naming(HOLIDAYS, _naming("年假")) is None  # no item says it


def test_parentheses_that_are_no_numbering_are_not_items():
    assert enumerated_items("元旦放假1天（1月1日），春节放假4天（2024）。") is None
    assert enumerated_items("（一）甲；（三）乙；（四）丙。") is None  # not counting up from one


@dataclass
class _Passage:
    text: str
    language: str = "zh"


def test_candidates_offer_the_item_as_a_row():
    picks = candidate_sentences([_Passage(HOLIDAYS)], None, covers=lambda text, language: _naming("春节")(text))
    assert [(p.sentence, row) for p, row in picks] == [
        ("第二条 全体公民放假的节日：（二）春节，放假4天（农历除夕、正月初一至初三）；", "item")]
    assert candidate_sentences([_Passage(HOLIDAYS)], None)[0][0].sentence == HOLIDAYS  # without coverage: as before
