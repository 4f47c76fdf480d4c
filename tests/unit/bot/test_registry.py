"""The tool registry: each tool declared once, and everything that lists tools reads it."""

from __future__ import annotations

import re

from bot.help_text import help_text
from bot.tools.registry import HELP, examples_for_role, offered, registry, routing_labels

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_tool_is_fully_declared_and_never_takes_the_caller():
    for name, tool in registry().items():
        assert tool.name == name and tool.about_zh and tool.about_en and tool.act, name
        fields = set(tool.args.model_fields)
        assert not fields & {"caller", "as_employee", "requester", "user"}, f"{name} lets the caller be chosen"
        assert set(tool.slots) <= fields, f"{name} declares slots its arguments do not take"
        for zh, en in tool.examples:
            assert CJK.search(zh) and not CJK.search(en), f"{name}: examples are (zh, en) pairs"
        if tool.confirm is not None:
            assert tool.act.endswith("_preview"), f"{name} changes things, so it previews first"


def test_routing_labels_come_from_the_registry():
    labels = routing_labels()
    assert labels[-1] == HELP and len(set(labels)) == len(labels)
    assert set(labels) - {HELP} == {t.name for t in registry().values() if t.routable}


def test_roles_decide_what_is_offered():
    employee = {t.name for t in offered("employee")}
    hr = {t.name for t in offered("hr")}
    assert "course_health" in hr and "course_health" not in employee
    assert "enroll" in employee and "search_knowledge" in employee
    assert any("KPI" in e or "kpi" in e.lower() for e in examples_for_role("training_specialist", "en"))
    assert all(CJK.search(e) for e in examples_for_role("employee", "zh"))


def test_help_text_is_built_per_role_and_language():
    zh, en = help_text("zh", "employee"), help_text("en", "hr")
    assert "报名" in zh and "课程健康度" not in zh
    assert "redesign" in en and not CJK.search(en)
