"""Colleagues written in pinyin: which Latin words of a message may be a Chinese name, and a name's readings."""

from __future__ import annotations

import pytest

from hr.services.pinyin_names import latin_spans, name_keys


@pytest.mark.parametrize(("text", "span", "key"), [
    ("how is Wang Chao doing?", "Wang Chao", "wangchao"),
    ("wang chao's progress", "wang chao", "wangchao"),
    ("Chao Wang, please", "Chao Wang", "wangchao"),
    ("enroll Zhang Mingwei in SEC-101", "Zhang Mingwei", "zhangmingwei"),
])
def test_latin_words_starting_or_ending_with_a_surname_are_name_candidates(text, span, key):
    assert (span, key) in {(s, k) for s, k, _surname in latin_spans(text)}


@pytest.mark.parametrize("text", ["show me the team report", "what is the completion rate", "E0013"])
def test_ordinary_english_has_no_name_candidates(text):
    assert not [k for _s, k, _surname in latin_spans(text) if k in name_keys("王超") | name_keys("张明伟")]


def test_a_name_may_be_written_in_any_of_its_readings():
    assert "wangchao" in name_keys("王超")
    assert {"shanxue", "danxue"} <= name_keys("单雪")  # 单 is read shan as a surname
    assert any(k in name_keys("吕强") for _s, k, _surname in latin_spans("Lyu Qiang"))
    assert any(k in name_keys("吕强") for _s, k, _surname in latin_spans("Lv Qiang"))
