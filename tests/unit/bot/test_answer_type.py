"""The kind of value a question asks for, and which sentences offer it."""

import pytest

from bot.answering.answer_type import AnswerType


@pytest.mark.parametrize(("question", "offers", "lacks"), [
    ("年假有几天？", "员工累计工作已满1年不满10年的，年休假5天。", "年假原则上在当年使用完毕。"),
    ("How many days of annual leave do I get?", "Employees get 15 days of annual leave.", "Annual leave must be approved."),
    ("出差住宿一晚最多报多少钱？", "一线城市住宿标准为每晚600元。", "住宿须选择协议酒店。"),
    ("标准上班时间是几点？", "标准上班时间为9:00至18:00。", "员工应按时上班。"),
    ("考试最多能补考几次？", "每门课程最多可补考2次。", "补考须在系统中申请。"),
])
def test_value_questions(question, offers, lacks):
    kind = AnswerType(question)
    assert kind.wants_value and kind.offers(offers) and not kind.offers(lacks)


def test_questions_without_a_value_prefer_nothing():
    kind = AnswerType("病假要提供什么证明？")
    assert not kind.wants_value and not kind.offers("连续病假超过3天的，须补交医院证明。")


def test_english_number_words_and_notice_questions():
    kind = AnswerType("How much notice should I give before taking time off?")
    assert kind.offers("Tell your supervisor at least three business days before.")
    assert not kind.offers("Talk to your supervisor first.")
