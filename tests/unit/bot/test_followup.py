"""Follow-up rewriting into standalone questions."""

from __future__ import annotations

from bot.followup import follow_up_focus, rewrite


def test_chinese_follow_up_keeps_the_question_part():
    assert rewrite("那补考呢？", "考试不及格怎么办？") == "补考怎么办？"
    assert rewrite("那病假呢？", "年假有几天？") == "病假有几天？"


def test_english_follow_up_swaps_the_people():
    assert rewrite("what about managers?", "How many days of annual leave do employees get?") == \
        "How many days of annual leave do managers get?"


def test_english_follow_up_without_people_appends_the_focus():
    assert rewrite("what about hotels?", "What is the meal allowance on trips?") == \
        "What is the meal allowance on trips for hotels?"


def test_standalone_questions_are_left_alone():
    assert follow_up_focus("考试不及格怎么办？") is None
    assert rewrite("考试不及格怎么办？", "年假有几天？") == "考试不及格怎么办？"
    assert follow_up_focus("年假有几天？") is None
    assert rewrite("年假有几天？", "考试不及格怎么办？") == "年假有几天？"
    assert rewrite("那补考呢？", None) == "那补考呢？"
