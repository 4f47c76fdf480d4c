"""The best sentences of the two languages compared on even terms: each against the question's terms in the other
language, so the embedder's same-language lead does not decide."""

from bot.answering.compose import Pick
from bot.answering.language_duel import prefer_other_language
from retrieval.types import Passage

# "领导要取消我的远程办公安排，需要提前多久通知？" against the sample KB: a Chinese resignation-notice answer and the
# English remote-work rule
CHINESE = Passage("zh-1", "答：试用期内须提前3天提出，转正后须提前30天以书面形式提出。", 0.0, "faq/hr.html", "人事常见问题",
                  "离职", language="zh", dense_score=0.88)
ENGLISH = Passage("en-1", "A manager may end a remote arrangement with two weeks' notice.", 0.0, "policies/remote.md",
                  "Remote Work Policy", "Ending an arrangement", language="en", dense_score=0.82)
ZH = Pick(CHINESE.text, 0, 0, 9.3, CHINESE)
EN = Pick(ENGLISH.text, 1, 0, 8.9, ENGLISH)


def _cosines(zh, en):
    return lambda texts: [zh if "试用期" in t else en for t in texts]


def _duel(question=(0.90, 0.84), translated_to_zh=0.78, own_to_en=0.84, ranked=(ZH, EN)):
    return prefer_other_language(list(ranked), "zh", _cosines(*question), _cosines(translated_to_zh, 0.0),
                                 _cosines(0.0, own_to_en))[0].passage.chunk_id


def test_the_other_language_rule_closer_to_the_question_terms_is_quoted_first():
    assert _duel() == "en-1"


def test_the_question_language_sentence_stays_when_the_cross_comparison_does_not_prefer_the_other():
    assert _duel(translated_to_zh=0.84, own_to_en=0.84) == "zh-1"


def test_a_same_language_lead_beyond_the_usual_one_is_kept():
    assert _duel(question=(0.93, 0.84)) == "zh-1"


def test_a_far_better_scored_sentence_is_not_overturned():
    far = Pick(CHINESE.text, 0, 0, 10.0, CHINESE)
    assert _duel(ranked=(far, EN)) == "zh-1"


def test_one_language_only_is_left_as_ranked():
    assert prefer_other_language([ZH], "zh", _cosines(0.9, 0.8), _cosines(0.5, 0.5), _cosines(0.9, 0.9)) == [ZH]


def test_no_switch_to_a_quote_the_cross_language_agreement_would_reject():
    """Below the agreement's reject floor the switched quote would only make the answer abstain."""
    assert prefer_other_language([ZH, EN], "zh", _cosines(0.90, 0.84), _cosines(0.78, 0.85), _cosines(0.0, 0.84),
                                 floor=0.862)[0] is ZH
    assert prefer_other_language([ZH, EN], "zh", _cosines(0.90, 0.84), _cosines(0.78, 0.87), _cosines(0.0, 0.84),
                                 floor=0.862)[0] is EN


def test_an_other_language_sentence_naming_none_of_the_question_terms_is_not_switched_to():
    """'国家规定的婚假是几天？' must not quote an English rule about relocation leave that names no term of it."""
    args = ([ZH, EN], "zh", _cosines(0.90, 0.84), _cosines(0.78, 0.0), _cosines(0.0, 0.84))
    assert prefer_other_language(*args, covers=lambda pick: 0.0)[0] is ZH
    assert prefer_other_language(*args, covers=lambda pick: 0.2)[0] is EN


def test_english_questions_are_left_as_ranked():
    """Measured on dev: for English questions the duel only lost answers."""
    english_first = Pick(ENGLISH.text, 0, 0, 9.3, ENGLISH)
    chinese = Pick(CHINESE.text, 1, 0, 8.9, CHINESE)
    ranked = prefer_other_language([english_first, chinese], "en", _cosines(0.84, 0.84), _cosines(0.0, 0.80),
                                   _cosines(0.95, 0.0))
    assert ranked[0] is english_first
