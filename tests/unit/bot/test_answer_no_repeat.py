"""Overlapping passages of one section can both hold a rule: the answer quotes it once, inside the longer line, and
cites only the passage it quotes."""

from bot.answering.compose import Pick, choose, cite
from retrieval.types import Passage

SOURCE = "policies/training-performance-linkage.md"
LONG = ("培训资源管理：课程覆盖率达到90%为达标，95%及以上为优秀；讲师利用率和场地利用率达到60%为达标，80%及以上为优秀。")
SHORT = "讲师利用率和场地利用率达到60%为达标，80%及以上为优秀。"


def _passage(chunk_id: str, text: str) -> Passage:
    return Passage(chunk_id, text, 0.0, SOURCE, "培训与绩效联动管理办法", "培训专员KPI", language="zh")


def test_a_line_held_word_for_word_by_a_longer_chosen_line_is_not_quoted_again():
    first, second = _passage("kpi-9a", LONG), _passage("kpi-9b", "其他。" + SHORT)
    for ranked in ([Pick(LONG, 0, 0, 10.0, first), Pick(SHORT, 1, 1, 9.9, second)],
                   [Pick(SHORT, 1, 1, 10.0, second), Pick(LONG, 0, 0, 9.9, first)]):
        picks = choose(ranked)
        assert [p.sentence for p in picks] == [LONG]
        assert [c.chunk_id for c in cite(picks)[1]] == ["kpi-9a"]


def test_different_lines_that_share_words_both_stay():
    passage = _passage("kpi-9a", LONG + "培训及时率以90%为达标。")
    picks = choose([Pick(LONG, 0, 0, 10.0, passage), Pick("培训及时率以90%为达标。", 0, 1, 9.9, passage)])
    assert len(picks) == 2
