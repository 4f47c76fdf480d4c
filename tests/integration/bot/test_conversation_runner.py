"""`mentor eval conversations`' runner: scripts played through the real ChatService in fresh worlds, scored whole."""

from __future__ import annotations

import json
import shutil

import pytest

from eval.conversations.checks import Quotes, language_problem
from eval.conversations.runner import run_scripts
from eval.conversations.scripts import ScriptError, load_scripts
from eval.conversations.world import Worlds

SCRIPTS = [
    {"id": "c-zh-900", "lang": "zh", "as": "E0170", "covers": ["acting_for_others"], "turns": [
        {"say": "给E0013报名AI-101", "expect": {"act": "enroll_preview", "subject": {"employee": "E0013"},
                                                "contains_any": ["刘平"]}},
        {"press": "confirm", "expect": {"act": "enroll_done", "subject": {"course": "AI-101"}}}]},
    {"id": "c-en-900", "lang": "en", "as": "E0056", "turns": [
        {"say": "enroll me in AI-101", "expect": {"act": "enroll_preview"}},
        {"press": "cancel", "expect": {"act": "cancelled", "not_contains": ["enrolled in"]}}]},
    {"id": "c-en-901", "lang": "en", "as": "E0056", "turns": [
        {"say": "enroll me in AI-101", "expect": {"act": "enroll_done"}}]},  # wrong on purpose: it is a preview
]


@pytest.fixture
def worlds(org_template, kb_index, tmp_path):
    """Fresh copies of the test organisation around the test index."""
    shutil.copy(org_template, tmp_path / "template.db")
    return Worlds(tmp_path, kb_index, ["刘平"])


def test_every_script_runs_in_a_fresh_world_and_only_fully_right_ones_count(worlds, tmp_path):
    path = tmp_path / "scripts.jsonl"
    path.write_text("\n".join(json.dumps(s, ensure_ascii=False) for s in SCRIPTS), encoding="utf-8")
    result = run_scripts(load_scripts(path), worlds)
    assert result["conversations"] == {"n": 3, "right": 2, "share": 0.6667}
    wrong = next(c for c in result["detail"] if not c["ok"])
    assert wrong["id"] == "c-en-901" and wrong["turns"][0]["failures"] == ["act: expected enroll_done, got enroll_preview"]
    assert result["by_lang"]["zh"]["right"] == 1 and result["by_cover"]["acting_for_others"]["right"] == 1


def test_malformed_scripts_are_refused_with_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x", "lang": "zh", "as": "E1", "turns": [{"say": "hi", "expect": {"act": "wave"}}]}\n')
    with pytest.raises(ScriptError, match=r"bad.jsonl:1 turn 1: unknown act 'wave'"):
        load_scripts(path)


def test_language_check_sets_aside_quotes_and_names():
    quotes = Quotes(["Company passwords must be at least 12 characters long and changed every 90 days."])
    chinese = "**Q1/5** 填空：Company passwords must be at least ____ characters long.\n直接回复空白处的内容。"
    assert language_problem(chinese, "zh", [], [], quotes) == ""
    assert "English wording" in language_problem("您的课程 status is completed and overdue now", "zh", [], [], quotes)
    assert "Chinese wording" in language_problem("Your course 信息安全基础 is 已逾期", "en", [], ["信息安全基础"], quotes)
    assert language_problem("刘平 (E0013) is behind on SEC-101", "en", [], ["刘平"], quotes) == ""


def test_marked_quotes_of_the_material_are_set_aside_but_unmarked_labels_are_not():
    """Inside quotation marks, a gloss or a quiz option, short stretches of the material's wording are quotes; the
    same short words outside a marked quote (a status label, say) are still the wrong language."""
    quotes = Quotes(["员工应在发现潜在利益冲突后的10个工作日内向直属上级和合规部门书面申报。课程已逾期要补上。"])
    english = ('❌ The answer is D: "10个工作日".\nA. 15个工作日\nFrom "合规" quoted in the original Chinese: '
               '"员工应在发现潜在利益冲突后的10个工作日内向直属上级和合规部门书面申报。" (gloss: 直属上级 = line manager)')
    assert language_problem(english, "en", [], [], quotes) == ""
    assert "Chinese wording" in language_problem("Your course is 已逾期 (overdue)", "en", [], [], quotes)
    assert "Chinese wording" in language_problem('The answer is "十个工作日"', "en", [], [], quotes), \
        "a quote of words the material does not hold is not excused"
    heading = 'Hint: review the section "第二部分 入职第一个月 > 必修课程".'
    assert language_problem(heading, "en", [], ["第二部分 入职第一个月", "必修课程"], quotes) == ""
