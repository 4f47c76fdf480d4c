""""报这门" / "那就报这门吧" right after a course's answer is an enrollment (it got the help text: "报" alone, short for
报名, with only a pointer to the course, was read as nothing in particular). Phrasings below are not training lines."""

from __future__ import annotations

import pytest

from bot.routing.catalog import Catalog, CourseName
from bot.routing.router import IntentRouter


@pytest.fixture(scope="module")
def router():
    return IntentRouter(Catalog([CourseName("DATA-101", "数据分析基础", "Data Analysis Basics")], []))


@pytest.mark.parametrize("text", ["我报那个课", "这门报一下", "那就报它吧"])
def test_enrolling_in_the_course_just_shown(router, text):
    assert router.route(text).intent == "enroll"
