"""A position in the last listed courses: "第二门", "the first one", "#3", "最后一门"; nothing else reads as one."""

from __future__ import annotations

import pytest

from bot.dialogue.ordinals import listed_course

LISTED = ["DATA-101", "ONB-101", "AI-101"]


@pytest.mark.parametrize(("text", "code"), [
    ("帮我报名第二门", "ONB-101"), ("第1个课程要学多久", "DATA-101"), ("最后一门吧", "AI-101"), ("第三门课", "AI-101"),
    ("the first one, please enroll me", "DATA-101"), ("enroll me in the 2nd course", "ONB-101"),
    ("sign me up for the last one", "AI-101"), ("#3 please", "AI-101"), ("option 2", "ONB-101"), ("the second?", "ONB-101"),
])
def test_a_position_names_that_course(text, code):
    assert listed_course(text, LISTED) == code


@pytest.mark.parametrize("text", ["第一次考试没过怎么办", "第一季度完成率", "first-time pass rate", "第四门", "the fifth one",
                                  "enroll me in AI-101", "my first week"])
def test_no_position_or_one_past_the_end_names_nothing(text):
    assert listed_course(text, LISTED) is None


def test_nothing_listed_names_nothing():
    assert listed_course("第一门", []) is None


def test_a_title_word_several_courses_share_names_the_one_just_shown():
    """"那门安全课" fits SEC-101 and SEC-201 alike: among the courses just listed it is the one listed, else ask."""
    from eval.routing.evaluate import load_catalog

    catalog, _ = load_catalog()
    text = "那门安全课及格线多少分？"
    assert catalog.find_course(text) is None
    assert catalog.find_course(text, prefer=["SEC-101", "AI-101"]).value == "SEC-101"
    assert catalog.find_course(text, prefer=["SEC-101", "SEC-201"]) is None
    assert catalog.find_course("what about the compliance course?", prefer=["CMP-101", "SEC-101"]).value == "CMP-101"
