"""Leaving a quiz said with the quiz named first ("测验不做了") or after an acknowledgement ("好的，…，退出吧") leaves
it; an acknowledgement with an answer or a request to go on does not."""

from __future__ import annotations

import pytest

from bot.dialogue.phrases import is_quiz_exit


@pytest.mark.parametrize("text", ["好的，测验不做了，退出吧", "测验不做了", "这个练习先不做了", "ok, stop the quiz"])
def test_these_leave_the_quiz(text):
    assert is_quiz_exit(text)


@pytest.mark.parametrize("text", ["好的", "好的，下一题", "ok, next question", "好的，答案是B", "好的，我选A", "题目是什么意思？"])
def test_these_stay_in_the_quiz(text):
    assert not is_quiz_exit(text)
