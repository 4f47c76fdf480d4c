"""Glosses that said the wrong thing to an English reader (round-7 dev conversations): '30分钟' is 30 minutes, not
'30分 = 30 points'; '9月至11月' names months; '每月15日' is a day of the month, not 15 days; '（含公休日）' says the count
includes what the bracket names."""

from bot.answering.gloss import _zh_quantities, gloss
from retrieval.crosslingual import Lexicon

LEXICON = Lexicon.load()


def test_minutes_are_minutes_not_points():
    quantities = _zh_quantities("上班时间之后30分钟内到岗的视为迟到，从第4次起每次扣除当月绩效1分")
    assert "30分钟 = 30 minutes" in quantities and "1分 = 1 point" in quantities
    assert not any(q.startswith("30分 ") for q in quantities)


def test_a_month_alone_is_a_month_and_a_count_of_months_stays_a_duration():
    assert _zh_quantities("体检通常在每年9月至11月进行") == ["9月 = September", "11月 = November"]
    assert _zh_quantities("须在子女出生后6个月内休完") == ["6个月 = 6 months"]


def test_a_day_of_each_month_is_not_a_number_of_days():
    assert _zh_quantities("工资每月15日发放上一个自然月的工资") == ["每月15日 = the 15th of each month"]


def test_a_bracket_that_includes_or_excludes_is_glossed():
    note = gloss("员工依法登记结婚的，享受婚假15天（含公休日），须在领取结婚证后1年内一次性休完。", "zh", "en", LEXICON,
                 "does that include weekends?")
    assert "含 = including" in note
    assert "不含 = excluding" in gloss("加班费按基本工资计算（不含奖金）。", "zh", "en", LEXICON, "")


def test_the_topic_a_question_was_placed_in_is_not_a_term_it_asked_about():
    sentence = "一次完整的数据分析通常包括五个步骤：明确问题、获取数据、清洗数据、分析与可视化、得出结论并提出建议。"
    placed = gloss(sentence, "zh", "en", LEXICON, "Data Analysis Basics: what's DATA-101 about?")
    assert placed == gloss(sentence, "zh", "en", LEXICON, "what's DATA-101 about?")
    assert placed.count("=") > 1  # not the title's one term alone


def test_calendar_days_counted_with_a_measure_word():
    """"7个自然日内申请补考" (round 8 c-en-802 asked for '7 calendar days'): the 个 between number and unit is read."""
    from bot.answering.gloss import _zh_quantities

    assert "7个自然日 = 7 calendar days" in _zh_quantities("可在成绩公布之日起7个自然日内申请补考")


def test_counts_in_chinese_numerals_are_glossed_as_numbers():
    """"四个维度中至少满足三个的线索" answered "how many of them have to be met?" but the English reader saw no number
    (round 8 c-en-805); single units ("一个", "统一") and units glossed elsewhere ("三个月") are left alone."""
    from bot.answering.gloss import _zh_quantities

    got = _zh_quantities("四个维度中至少满足三个的线索，才能转为正式商机。")
    assert "四个 = 4" in got and "三个 = 3" in got
    assert _zh_quantities("补考以两次为限。") == ["两次 = 2 times"]
    assert _zh_quantities("费用由人力资源部统一列支，一个部门一个名额。") == []
    assert _zh_quantities("试用期一般为三个月。") == []
