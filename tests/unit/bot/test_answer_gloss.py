"""Glosses for quotes in the other language: only dictionary terms and quantities, never a paraphrase."""

from bot.answering.gloss import gloss
from retrieval.crosslingual import Lexicon

LEXICON = Lexicon.load()


def test_english_reader_of_a_chinese_rule_gets_the_asked_term_and_the_numbers():
    note = gloss("女员工生育享受98天产假，其中产前可以休假15天。", "zh", "en", LEXICON, "How long is maternity leave?")
    assert note == "(gloss: 产假 = maternity leave; 98天 = 98 days; 15天 = 15 days)"


def test_chinese_reader_of_an_english_rule_gets_terms_from_the_question_and_amounts():
    note = gloss("Attach an official invoice for every item of RMB 200 or more; if it is lost, sign a statement.",
                 "en", "zh", LEXICON, "出差的发票弄丢了还能报销吗？")
    assert note.startswith("（释义：") and "invoice = 发票" in note and "RMB 200 = 200元" in note


def test_same_language_or_nothing_known_means_no_gloss():
    assert gloss("年休假5天。", "zh", "zh", LEXICON, "年假几天") is None
    assert gloss("Zebras graze.", "en", "zh", LEXICON, "斑马吃什么") is None


def test_a_date_is_glossed_as_a_date_not_a_duration():
    from bot.answering.gloss import _zh_quantities

    assert _zh_quantities("当年未休完的年假可以结转至次年3月31日，逾期作废。") == ["3月31日 = 31 March"]
    assert _zh_quantities("本办法自2026年12月1日起施行，工作满1年") == ["2026年12月1日 = 1 December 2026", "1年 = 1 year"]
    assert _zh_quantities("已满10年不满20年的，年休假10天") == ["10年 = 10 years", "20年 = 20 years", "10天 = 10 days"]


def test_an_amount_keeps_its_decimals_and_thousands():
    from bot.answering.gloss import _en_quantities

    assert "RMB 1.2 = 1.2元" in _en_quantities("Use of a private car is reimbursed at RMB 1.2 per kilometre.")
    assert "RMB 10,000 = 10000元" in _en_quantities("Courses costing RMB 10,000, or more need a service agreement.")
    assert not any(item.startswith("RMB 1 ") for item in _en_quantities("at RMB 1.2 per kilometre"))


def test_an_age_is_glossed_as_an_age_not_as_weeks():
    """"未满3周岁" is under 3 years old; reading 周 alone glossed it "3周 = 3 weeks", a wrong number for the reader."""
    note = gloss("子女未满3周岁的，父母每人每年可享受育儿假5天。", "zh", "en", LEXICON, "How much parental leave do I get?")
    assert "3周岁 = 3 years old" in note and "weeks" not in note
