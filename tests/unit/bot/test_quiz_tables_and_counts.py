"""Thin course material still yields checkable items: each table cell read as a row (its column's other cells are
the distractors), and counts written in Chinese numerals ("五个步骤", "四类问题") as numbers."""

from __future__ import annotations

from bot.quiz.facts import number_spans, with_value
from bot.quiz.grading import grade
from bot.quiz.model import QuizItem
from bot.quiz.offline_generator import OfflineQuizBuilder
from bot.quiz.validate import problems
from retrieval.types import Passage

TABLE = Passage(chunk_id="t1", score=1.0, source="data.docx", title="数据分析基础", heading="图表", course="DATA-101",
                language="zh", text="图表必须有标题和数据来源。分析目的 | 推荐图表\n比较类别 | 柱状图\n时间趋势 | 折线图\n"
                                    "变量关系 | 散点图\n构成占比 | 饼图\n清洗数据时重点检查四类问题。一次完整的分析包括五个步骤。")
MARKDOWN = Passage(chunk_id="t2", score=1.0, source="leave.md", title="Leave", heading="Bands", language="en",
                   text="| Service | Days |\n|---|---|\n| under 1 year | 5 days |\n| 1 to 10 years | 10 days |\n"
                        "| 10 to 20 years | 15 days |\n| over 20 years | 20 days |")


def _items(passage):
    return [i for i in OfflineQuizBuilder([passage]).candidates() if not problems(i, passage.text)]


def test_a_table_cell_is_asked_with_its_row_and_column_and_its_columns_siblings_as_options():
    table_items = [i for i in _items(TABLE) if "→" in i.question]
    assert len(table_items) == 4
    trend = next(i for i in table_items if "时间趋势" in i.question)
    assert trend.question.endswith("分析目的：时间趋势 → 推荐图表") and "图表必须" not in trend.question
    assert sorted(trend.options) == sorted(["柱状图", "折线图", "散点图", "饼图"])
    assert trend.options["ABCD".index(trend.answer)] == "折线图"


def test_a_markdown_table_reads_the_same_and_a_short_table_gives_no_choices():
    rows = [i for i in _items(MARKDOWN) if "→" in i.question]
    ten = next(i for i in rows if "1 to 10 years" in i.question)
    assert ten.options["ABCD".index(ten.answer)] == "10 days" and "Service: 1 to 10 years → Days" in ten.question
    short = Passage(chunk_id="t3", score=1.0, source="s.md", title="t", heading="h", language="en",
                    text="| a | b |\n| x | 1 day |\n| y | 2 days |")
    assert not [i for i in _items(short) if "→" in i.question]


def test_counts_in_chinese_numerals_are_numbers_but_not_other_words():
    assert [s for s, _, _ in number_spans("一次完整的分析包括五个步骤，检查四类问题")] == ["五个步骤", "四类"]
    assert number_spans("描述离散程度用四分位距，十分重要，须一次性休完") == []
    assert with_value("五个步骤", 10) == "十个步骤" and with_value("四类", 2) == "二类"


def test_a_count_in_chinese_numerals_is_graded_by_its_amount():
    item = QuizItem(kind="cloze", question="q", answer="五个步骤", explanation="", difficulty=2, chunk_id="c",
                    source="s", title="t", heading="h", evidence="e", options=[])
    assert [grade(item, a).correct for a in ("五个步骤", "5个步骤", "5", "五", "4", "步骤")] == \
        [True, True, True, True, False, False]


def test_an_english_reader_gets_chinese_numeral_counts_only_when_nothing_else_is_left():
    english = list(OfflineQuizBuilder([TABLE], frame_language="en").candidates())
    counted = [i for i, item in enumerate(english) if "五个步骤" in item.evidence or "四类" in item.evidence]
    assert counted and min(counted) >= len(english) - len(counted)  # last, and still there for an exam to fill
