"""A question that names one course code is answered from that course's material (and material of no course)."""

from types import SimpleNamespace

import pytest

from bot.answering.extractive import about_course, named_course


@pytest.mark.parametrize(("question", "code"), [
    ("顾问式销售技巧课SAL-201的结业考核多少分及格？", "SAL-201"),  # no space between the code and Chinese text
    ("How long does sec-101 take?", "SEC-101"),
    ("Is SAL-101 a prerequisite of SAL-201?", None),  # two courses: no single one to keep to
    ("年假有几天？", None),
    ("Call ext-8000 or AB-12345", None),  # not a course code shape
])
def test_the_one_course_a_question_names(question, code):
    assert named_course(question) == code


def test_the_named_course_keeps_its_own_pages_and_policies():
    passages = [SimpleNamespace(course="SAL-101"), SimpleNamespace(course="SAL-201"), SimpleNamespace(course=None)]
    assert about_course(passages, named_course("SAL-201的及格线是多少？")) == passages[1:]
