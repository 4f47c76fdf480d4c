"""Quiz wording per turn in the reader's language: question leads, hints, and source quotes marked across languages."""

from __future__ import annotations

from bot.answering.gloss import gloss
from bot.quiz.feedback import LEADS, explanation_for, hint_for, material_note, question_for
from bot.quiz.model import QuizItem
from retrieval.crosslingual import Lexicon

ZH_SENTENCE = "员工应在发现潜在利益冲突后的10个工作日内向直属上级和合规部门书面申报。"
EN_SENTENCE = "Giving the model one to three worked examples of the input and the desired output is called few-shot prompting."


def _item(evidence: str, question: str, language: str, **changes) -> QuizItem:
    base = dict(kind="cloze", question=question, answer="x", explanation="", difficulty=2, chunk_id="c1",
                source="s.md", title="合规与商业道德（CMP-101）" if language == "zh" else "Prompt Engineering (AI-101)",
                heading="第三节 利益冲突" if language == "zh" else "Lesson 3", evidence=evidence, language=language)
    base.update(changes)
    return QuizItem(**base)


def _glosser(reader: str):
    lexicon = Lexicon.load()
    return lambda sentence, lang: gloss(sentence, lang, reader, lexicon)


def test_leads_follow_the_reader_both_ways():
    zh_framed = _item(ZH_SENTENCE, LEADS["cloze"][0] + "员工应在____内申报。", "zh")
    assert question_for(zh_framed, "en") == 'Fill in the blank: "员工应在____内申报。"', "other-language material is quoted"
    assert question_for(zh_framed, "zh") == zh_framed.question
    en_framed = _item(EN_SENTENCE, LEADS["true_false"][1] + EN_SENTENCE, "en")
    assert question_for(en_framed, "zh") == f"判断对错：“{EN_SENTENCE}”"
    assert question_for(en_framed, "en") == en_framed.question
    llm = _item(EN_SENTENCE, "What is few-shot prompting?", "en", origin="llm")
    assert question_for(llm, "zh") == llm.question, "a question with no known lead is left as written"


def test_a_chinese_source_in_an_english_reply_is_a_marked_quote_with_a_gloss():
    text = explanation_for(_item(ZH_SENTENCE, "q", "zh"), "en", _glosser("en"))
    assert text.startswith('From "合规与商业道德（CMP-101）", section "第三节 利益冲突", quoted in the original Chinese: ')
    assert f'"{ZH_SENTENCE}"' in text
    assert "(gloss:" in text and "10 working days" in text
    assert "依据" not in text


def test_an_english_source_in_a_chinese_reply_is_a_marked_quote_with_a_gloss():
    text = explanation_for(_item(EN_SENTENCE, "q", "en"), "zh", _glosser("zh"))
    assert text.startswith("依据《Prompt Engineering (AI-101)》“Lesson 3”一节的英文原文：")
    assert f"“{EN_SENTENCE}”" in text
    assert "From " not in text


def test_a_source_in_the_readers_language_is_quoted_plainly():
    assert explanation_for(_item(ZH_SENTENCE, "q", "zh"), "zh") == f"依据《合规与商业道德（CMP-101）》第三节 利益冲突：“{ZH_SENTENCE}”"
    assert explanation_for(_item(EN_SENTENCE, "q", "en"), "en") == \
        f'From "Prompt Engineering (AI-101)" (Lesson 3): "{EN_SENTENCE}"'


def test_a_model_explanation_is_used_only_in_the_readers_language():
    item = _item(EN_SENTENCE, "q", "en", origin="llm", explanation="Few-shot prompting means giving worked examples.")
    assert explanation_for(item, "en") == item.explanation
    zh = explanation_for(item, "zh")
    assert item.explanation not in zh and "英文原文" in zh


def test_hints_and_material_notes_are_in_the_readers_language():
    item = _item(ZH_SENTENCE, "q", "zh")
    assert hint_for(item, "en") == 'review the section "第三节 利益冲突" of "合规与商业道德（CMP-101）".'
    assert hint_for(item, "zh") == "复习《合规与商业道德（CMP-101）》中的“第三节 利益冲突”一节。"
    assert hint_for(_item(ZH_SENTENCE, "q", "zh", heading=""), "zh") == "复习《合规与商业道德（CMP-101）》。"
    assert material_note("en", "zh") == "(The material for this is in Chinese; the questions quote it as written.)"
    assert material_note("zh", "en") == "（这门课的资料是英文的，题目里的句子按原文引用。）"
    assert material_note("zh", "zh") == ""
