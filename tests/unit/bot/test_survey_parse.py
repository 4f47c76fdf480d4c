"""Survey replies: plain ratings in both languages are read, questions and other requests are not."""

from __future__ import annotations

import pytest

from bot.surveys.parse import Declined, OutOfRange, Rating, read_survey_reply


@pytest.mark.parametrize(("text", "value", "comment"), [
    ("4", 4, ""),
    ("5分", 5, ""),
    ("四分，讲得很清楚", 4, "讲得很清楚"),
    ("给五星！内容很实用", 5, "内容很实用"),
    ("我打3分 练习太少了", 3, "练习太少了"),
    ("内容不错，就是有点长。4分", 4, "内容不错，就是有点长"),
    ("★★★★ 不错", 4, "不错"),
    ("4/5 - a bit long", 4, "a bit long"),
    ("4 stars, great examples", 4, "great examples"),
    ("I'd give it a four", 4, ""),
    ("rating: 2. Too basic for me", 2, "Too basic for me"),
    ("Great course, 5 stars", 5, "Great course"),
    ("five", 5, ""),
    ("1 太难了", 1, "太难了"),
    ("那就5分", 5, ""),
    ("4分吧，讲得挺清楚", 4, "讲得挺清楚"),
    ("3, the videos were a bit long", 3, "the videos were a bit long"),
    ("ok then, 4 stars", 4, ""),
    ("5 really clear", 5, "really clear"),
    ("4 clear, but too few exercises", 4, "clear, but too few exercises"),
    ("3 too long for a video course", 3, "too long for a video course"),
])
def test_ratings_with_optional_comments(text, value, comment):
    """The number (digits, Chinese numerals, English words, stars) and the rest as the comment."""
    assert read_survey_reply(text) == Rating(value, comment)


@pytest.mark.parametrize("text", ["6分", "0", "10 out of 5", "★★★★★★"])
def test_numbers_meant_as_ratings_outside_1_to_5(text):
    """Plainly a rating, but not 1-5: the mentor can ask again."""
    assert isinstance(read_survey_reply(text), OutOfRange)


@pytest.mark.parametrize("text", ["跳过", "不想评", "算了", "skip", "No thanks.", "not now"])
def test_refusals(text):
    """A person may decline; that is an answer too (they are not asked again)."""
    assert read_survey_reply(text) == Declined()


@pytest.mark.parametrize("text", [
    "SEC-101 考80分及格吗？", "年假有几天", "一般般吧", "3门课还没学完", "5天年假怎么休", "2026年的课程",
    "one more question about SEC-101", "What's my progress?", "我的学习进度", "", "   ",
    "3 people in my team are overdue", "5 days of annual leave", "2 more questions please", "5 天年假怎么休",
    "5th floor", "4 courses left",
])
def test_questions_and_requests_are_not_ratings(text):
    """A message that is not plainly a rating is left to the normal conversation."""
    assert read_survey_reply(text) is None
