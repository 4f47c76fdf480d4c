"""Sentence splitting, front-matter and chunking keep structure and stable ids."""

import pytest

from knowledge.chunker import chunk_document
from knowledge.document import Block, LoadedDocument, LoadError
from knowledge.front_matter import audience_of, split_front_matter
from knowledge.sentences import split_sentences


def test_sentences_split_on_chinese_and_english_ends():
    assert split_sentences("第一句。第二句！第三句？第四句；第五") == ["第一句。", "第二句！", "第三句？", "第四句；", "第五"]
    assert split_sentences("Pay is 3.5 days. E.g. this stays. Next!") == ["Pay is 3.5 days.", "E.g. this stays.", "Next!"]
    assert split_sentences("规则甲；规则乙。", clauses=False) == ["规则甲；规则乙。"]


def test_front_matter_and_audience():
    meta, body = split_front_matter("---\ntitle: 制度\naudience: [Manager, hr]\n---\n正文")
    assert meta["title"] == "制度" and body == "正文"
    assert audience_of(meta) == ("hr", "manager")
    assert audience_of({}) == ("all",)
    with pytest.raises(LoadError):
        split_front_matter("---\ntitle: [unclosed\n---\nbody")


def test_articles_start_chunks_and_join_heading_path():
    doc = LoadedDocument("考核办法", [Block(("第三章 考核与补考",), "第五条 考试合格线为80分。\n第六条 不合格者可补考一次。")])
    chunks = chunk_document("a.md", doc, ("all",))
    assert [c.heading for c in chunks] == ["第三章 考核与补考 > 第五条", "第三章 考核与补考 > 第六条"]
    assert chunks[1].text.startswith("第六条")


def test_chunk_ids_are_stable_and_change_with_content_or_audience():
    doc = LoadedDocument("T", [Block(("H",), "Alpha rule. Beta rule.")])
    first = chunk_document("a.md", doc, ("all",))
    assert [c.chunk_id for c in first] == [c.chunk_id for c in chunk_document("a.md", doc, ("all",))]
    assert first[0].chunk_id != chunk_document("a.md", doc, ("hr",))[0].chunk_id
    changed = LoadedDocument("T", [Block(("H",), "Alpha rule. Gamma rule.")])
    assert first[0].chunk_id != chunk_document("a.md", changed, ("all",))[0].chunk_id


def test_long_text_is_split_below_the_size_limit():
    text = "。".join(f"第{i}项要求员工按时完成培训课程并通过考试" for i in range(80)) + "。"
    chunks = chunk_document("long.md", LoadedDocument("T", [Block((), text)]), ("all",))
    assert len(chunks) > 3
    assert all(len(c.text) <= 400 for c in chunks)


def test_table_rows_and_unpunctuated_lines_stay_on_their_own_lines():
    rows = "项目 | 标准\n午餐补贴 | 每个工作日25元，在食堂使用\n交通补贴 | 每月300元，随工资发放"
    chunks = chunk_document("b.html", LoadedDocument("福利", [Block(("餐补与交通",), rows)]), ("all",))
    assert [line for c in chunks for line in c.text.splitlines()] == rows.splitlines()
    english = chunk_document("c.html", LoadedDocument("T", [Block((), "Item | Rule\nLunch | 25 a day")]), ("all",))
    assert english[0].text == "Item | Rule\nLunch | 25 a day"
    prose = chunk_document("d.md", LoadedDocument("T", [Block((), "第一句。\n第二句。")]), ("all",))
    assert prose[0].text == "第一句。第二句。"  # punctuated sentences join as before (ids of prose chunks unchanged)


def test_wrapped_lines_join_while_rows_and_list_items_keep_their_breaks():
    items = ("The following expenses require receipts:\n- Hotels\n- Any other expense exceeding $75, including local"
             " transportation (This\nthreshold is $25 for local vouchers)\n- Rental cars")
    chunks = chunk_document("faq.md", LoadedDocument("T", [Block((), items)]), ("all",))
    assert chunks[0].text.splitlines() == [
        "The following expenses require receipts: - Hotels",
        "- Any other expense exceeding $75, including local transportation (This threshold is $25 for local vouchers)",
        "- Rental cars"]
    statute = "（一）延长工作时间的，\n按照不低于本人小时工资标准的１５０％支付\n劳动者工资；"
    chunks = chunk_document("law.md", LoadedDocument("法", [Block((), statute)]), ("all",))
    assert chunks[0].text == "（一）延长工作时间的，按照不低于本人小时工资标准的１５０％支付劳动者工资；"
    rows = "月工作日 | 20.83天\n年工作日 | 250天"
    assert chunk_document("n.md", LoadedDocument("T", [Block((), rows)]), ("all",))[0].text == rows
