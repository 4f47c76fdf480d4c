"""Splitting on character boundaries within byte (WeCom) and character (Slack) limits."""

from __future__ import annotations

import pytest

from adapters.textsplit import split_chars, split_utf8, utf8_len


def test_ten_kb_of_chinese_splits_within_2048_bytes_and_keeps_every_character():
    """Ten kb of chinese splits within 2048 bytes and keeps every character."""
    text = "".join(f"第{i}条:员工培训与考核制度说明。\n" for i in range(300))
    assert utf8_len(text) > 10_000
    parts = split_utf8(text, 2048)
    assert all(utf8_len(p) <= 2048 for p in parts)
    assert "".join(parts).replace("\n", "") == text.replace("\n", "")
    assert all(p.startswith("第") for p in parts)  # whole lines when lines fit


def test_a_single_long_line_is_cut_between_characters_never_inside_one():
    """A single long line is cut between characters never inside one."""
    text = "汉" * 1000 + "é" * 10
    parts = split_utf8(text, 2048)
    assert [utf8_len(p) for p in parts][:1] == [2046]  # 682 three-byte characters
    assert "".join(parts) == text
    for p in parts:
        p.encode("utf-8").decode("utf-8")


def test_short_text_is_one_part_and_empty_text_is_one_empty_part():
    """Short text is one part and empty text is one empty part."""
    assert split_utf8("hi", 2048) == ["hi"]
    assert split_chars("", 10) == [""]


def test_character_limit_for_slack_sections():
    """Character limit for slack sections."""
    parts = split_chars("a" * 7000, 3000)
    assert [len(p) for p in parts] == [3000, 3000, 1000]


def test_limit_must_be_positive():
    """Limit must be positive."""
    with pytest.raises(ValueError):
        split_chars("x", 0)
