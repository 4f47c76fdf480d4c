"""Answer scoring: hit only inside the quoted part, citation precision, abstention, and per-slice numbers."""

from bot.answering.extractive import GroundedAnswer
from bot.messages import Citation
from eval.answers_eval import by_slice, score_one, summarise
from eval.questions import GoldQuestion


def _cite(source: str) -> Citation:
    return Citation(n=1, source=source, title="t", heading="h", chunk_id="c", text="x", page=None)


def _q(qid, expect="answer", lang="zh", cross=False):
    return GoldQuestion(qid, "年假有几天？", ("leave.md",) if expect == "answer" else (), ("5天",) if expect == "answer"
                        else (), expect, None, lang, cross)


def test_hits_count_only_in_the_quote_and_slices_split_by_language_and_crossing():
    quoted = GroundedAnswer("- 年休假5天 [1]\n\n来源：\n[1] leave.md", [_cite("leave.md")], False)
    listed_only = GroundedAnswer("- 年假按工龄计算 [1]\n\n来源：5天", [_cite("other.md")], False)
    abstained = GroundedAnswer("抱歉", [], True)
    outcomes = [score_one(_q("a"), quoted), score_one(_q("b", lang="en", cross=True), listed_only),
                score_one(_q("c", expect="abstain"), abstained), score_one(_q("d", expect="abstain"), quoted)]
    overall = summarise(outcomes)
    assert overall["answer_hit_rate"] == 0.5 and overall["citation_precision"] == 0.5
    assert overall["abstain_precision"] == 1.0 and overall["abstain_recall"] == 0.5
    slices = by_slice(outcomes)
    assert slices["cross_lingual=true"]["answer_hit_rate"] == 0.0 and slices["lang=zh"]["answer_hit_rate"] == 1.0
    assert slices["expect=answer"]["abstain_precision"] is None  # nothing abstained there: no number, not 0


def test_on_point_passages_count_the_cited_passages_of_right_answers_that_hold_the_answer():
    def cite(chunk_id, text):
        return Citation(n=1, source="leave.md", title="t", heading="h", chunk_id=chunk_id, text=text, page=None)

    tagged_along = GroundedAnswer("- 年休假5天 [1]\n- 婚假须一次休完 [2]\n\n来源：", [cite("c1", "年休假5天。"), cite("c2", "婚假须一次休完。")],
                                  False)
    alone = GroundedAnswer("- 年休假5天 [1]\n\n来源：", [cite("c1", "年休假5天。")], False)
    overall = summarise([score_one(_q("a"), tagged_along), score_one(_q("b"), alone)])
    assert overall["citation_precision"] == 1.0  # every passage is from the gold document
    assert overall["on_point_passages"] == round(2 / 3, 4)  # but one of the three holds no answer
