"""An answer cites another section of the same document only when that section's sentence nearly ties the best one
(issue 14, §14: 陪产假 and 婚假 rules tagged along under a 产假 answer, most often in follow-ups)."""

from bot.answering.compose import OTHER_PASSAGE_MARGIN, Pick, choose, cite
from retrieval.types import Passage


def _passage(chunk_id, heading, text):
    return Passage(chunk_id, text, 0.0, "policies/leave-policy.md", "休假管理制度", heading, language="zh")


MATERNITY = _passage("leave-7", "产假", "女员工生育享受98天产假。产前可以休假15天。")
PATERNITY = _passage("leave-8", "陪产假", "配偶生育的，男员工享受陪产假15天。")
MARRIAGE = _passage("leave-6", "婚假", "员工依法登记结婚的，享受婚假15天。")


def _ranked():
    return [Pick("女员工生育享受98天产假。", 0, 0, 10.0, MATERNITY),
            Pick("配偶生育的，男员工享受陪产假15天。", 1, 0, 9.5, PATERNITY),
            Pick("产前可以休假15天。", 0, 1, 9.4, MATERNITY),
            Pick("员工依法登记结婚的，享受婚假15天。", 2, 0, 9.2, MARRIAGE)]


def test_sentences_of_the_best_section_stay_and_a_neighbouring_section_drops_out():
    picks = choose(_ranked())
    assert [p.sentence for p in picks] == ["女员工生育享受98天产假。", "产前可以休假15天。"]
    _, citations = cite(picks)
    assert [c.chunk_id for c in citations] == ["leave-7"]


def test_a_neighbouring_section_that_nearly_ties_is_still_quoted():
    ranked = _ranked()
    ranked[1] = Pick(ranked[1].sentence, 1, 0, 10.0 - OTHER_PASSAGE_MARGIN / 2, PATERNITY)
    _, citations = cite(choose(ranked))
    assert [c.chunk_id for c in citations] == ["leave-7", "leave-8"]


def test_a_follow_up_does_not_fill_the_gap_with_other_sections():
    # the last answer's line (the paternity rule) is set aside; the marriage-leave rule, within the old 1.0 margin,
    # is not cited next to the maternity answer
    picks = choose(_ranked(), answered_before="配偶生育的，男员工享受陪产假15天。")
    assert {p.passage.chunk_id for p in picks} == {"leave-7"}
