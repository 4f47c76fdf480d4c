"""Policy loading (bundled, custom, broken) and the explanation renderings."""

from __future__ import annotations

import json

import pytest

from hr.errors import HRError
from hr.explain import KpiExplanation, KpiItem, PolicyClause, WhatIf
from hr.policy import load_policy
from hr.policy.model import DEFAULT_POLICY_FILE


def test_bundled_policy_carries_the_seed_rules():
    policy = load_policy()
    assert policy.employee.training_points.completion_weight == 10
    assert policy.employee.training_points.exam_pass_weight == 5
    band = policy.department.adjustment_bands[0]
    assert (band.below, band.adjustment) == (0.9, -5) and "90%" in band.text_zh
    assert policy.course_health.redesign_below_completion == 0.6 and policy.course_health.promote_above_rating == 0.9
    assert policy.specialist.satisfaction_score.met == 85 and policy.notifications.max_nudges_per_person_per_day == 1
    assert policy.source == str(DEFAULT_POLICY_FILE)


def test_custom_policy_changes_the_weights(tmp_path):
    text = DEFAULT_POLICY_FILE.read_text(encoding="utf-8").replace("completion_weight: 10", "completion_weight: 20")
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    assert load_policy(tmp_path / "p.yaml").employee.training_points.completion_weight == 20


@pytest.mark.parametrize(("content", "hint"), [
    ("version: [", "not valid"),
    ("version: 1\nname: x\n", "employee"),
])
def test_broken_policy_is_a_clear_error(tmp_path, content, hint):
    (tmp_path / "bad.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(HRError) as caught:
        load_policy(tmp_path / "bad.yaml")
    assert caught.value.code == "invalid" and hint in caught.value.message_en and caught.value.message_zh


def test_missing_policy_file(tmp_path):
    with pytest.raises(HRError) as caught:
        load_policy(tmp_path / "nope.yaml")
    assert "does not exist" in caught.value.message_en


def test_explanation_renders_json_and_both_languages():
    clause = PolicyClause(key="employee.training_points", text_zh="培训完成率占10%", text_en="completion is 10%")
    explanation = KpiExplanation(
        subject_kind="employee", subject_id="E1", subject_name="张三", period="2026Q3", policy="default",
        items=[KpiItem(name="completion_rate", label_zh="培训完成率", label_en="Completion rate", value=0.75,
                       unit="rate", formula="3/4", clause=clause),
               KpiItem(name="promotion_eligible", label_zh="晋升", label_en="Promotion", value=0.0, unit="bool",
                       formula="x", clause=clause)],
        what_ifs=[WhatIf(action_zh="完成 SEC-101", action_en="Complete SEC-101", changes={"x": [0.75, 1.0]})])
    en, zh = explanation.to_text("en"), explanation.to_text("zh")
    assert "Completion rate: 75.0%" in en and "Promotion: no" in en and "→ Complete SEC-101" in en
    assert "培训完成率：75.0%" in zh and "张三（E1）" in zh and "依据 employee.training_points" in zh
    assert en.count("completion is 10%") == 1  # a clause is quoted once
    data = json.loads(explanation.to_json())
    assert data["items"][0]["clause"]["key"] == "employee.training_points" and data["what_ifs"][0]["changes"]
