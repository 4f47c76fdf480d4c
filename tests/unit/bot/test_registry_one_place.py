"""A new tool is written in one place: one registry entry (plus its function and tests). A tool declared only there
reaches every consumer (LLM tool schemas, offline routing labels and training lines, slots, help text and web
starters, privacy, follow-ups, the offline engine) with no other edit, and no module keeps its own list of tools."""

from __future__ import annotations

import ast
import sys
import types
from datetime import date
from pathlib import Path

import pytest
from pydantic import BaseModel, Field

from bot.agent.lc_tools import build_tools
from bot.dialogue.resolve import Resolved
from bot.help_text import help_text
from bot.offline_engine import OfflineEngine
from bot.routing import examples as routing_examples
from bot.routing.slots import SlotFiller
from bot.tools import registry as reg
from bot.tools.context import TurnContext
from bot.tools.result import ToolResult
from bot.tools.toolkit import Toolkit
from eval.routing.evaluate import load_catalog
from hr.caller import Caller
from retrieval.types import Audience

ROOT = Path(__file__).resolve().parents[3]
NAME = "count_badges"
# Behaviour that belongs to a few named tools, not a list every new tool must join: the quiz's own lifecycle.
ALLOWED_TOOL_LISTS = {("bot/chat_service.py", frozenset({"generate_quiz", "grade_answer", "stop_quiz"}))}


class BadgeArgs(BaseModel):
    """count_badges arguments."""

    course: str | None = Field(None, description="Only badges of this course.")


def count_badges(deps, ctx: TurnContext, args: BadgeArgs) -> ToolResult:
    """A made-up tool: says which course it was asked about."""
    return ToolResult(NAME, args.model_dump(), True, ctx.say(f"徽章：{args.course}", f"Badges: {args.course}"),
                      act="badges", subject={"course": args.course or ""})


@pytest.fixture
def new_tool(monkeypatch):
    """The registry with one more module whose TOOLS list declares count_badges, and nothing else edited."""
    module = types.ModuleType("tests_new_tool_module")
    module.TOOLS = [reg.Tool(NAME, BadgeArgs, count_badges, "数一数我的学习徽章", "Count the learning badges a person "
                             "earned.", act="badges", follow_up=True, figures=True, inherits_course=True,
                             slots=("course",), roles=frozenset({"employee"}),
                             examples=(("我有几枚学习徽章？", "How many learning badges do I have?"),))]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(reg, "_MODULES", (*reg._MODULES, module.__name__))
    reg.registry.cache_clear()
    routing_examples.training_examples.cache_clear()
    yield module.TOOLS[0]
    monkeypatch.undo()
    reg.registry.cache_clear()
    routing_examples.training_examples.cache_clear()


def _toolkit(role: str) -> Toolkit:
    """A toolkit for a caller of that role (the made-up tool needs no services)."""
    ctx = TurnContext(caller=Caller("E0056", role, "sales"), audience=Audience(frozenset({"all"})), language="en",
                      channel="web", thread_id="t", today=date(2026, 8, 17))
    return Toolkit(deps=types.SimpleNamespace(), ctx=ctx)


def test_a_tool_declared_only_in_the_registry_reaches_every_consumer(new_tool):
    assert NAME in reg.routing_labels()
    assert {"我有几枚学习徽章？", "How many learning badges do I have?"} <= set(routing_examples.training_examples()[NAME])
    catalog, _ = load_catalog()
    assert SlotFiller(catalog).fill(NAME, "badges for SEC-101?", date(2026, 8, 17)) == {"course": "SEC-101"}
    assert "数一数我的学习徽章" in help_text("zh", "employee") and "我有几枚学习徽章？" in help_text("zh", "employee")
    assert "Count the learning badges" not in help_text("en", "hr"), "roles decide who is offered it"
    assert "How many learning badges do I have?" in reg.examples_for_role("employee", "en")
    assert NAME in reg.follow_up_tools() and NAME in reg.figure_tools()

    toolkit = _toolkit("employee")
    schemas = {t.name: t for t in build_tools(toolkit)}
    assert schemas[NAME].args_schema is BadgeArgs and schemas[NAME].description == new_tool.about_en
    assert NAME not in {t.name for t in build_tools(_toolkit("hr"))}

    result = toolkit.run(NAME, course="SEC-101")
    assert result.ok and result.text == "Badges: SEC-101" and result.private, "privacy comes from the entry"
    engine_reply = OfflineEngine(router=None).respond(
        _toolkit("employee"), "badges for SEC-101?", state=None,
        understood=(Resolved(NAME, {"course": "SEC-101", "unknown": 1}, "badges for SEC-101?"), True))
    assert [r.name for r in engine_reply.results] == [NAME] and engine_reply.text == "Badges: SEC-101"


def test_no_module_keeps_its_own_list_of_tools():
    """A list, tuple, set or dict literal naming three or more registry tools is a second place a new tool would
    have to be written (as KEEPABLE and _FIGURE_TOOLS were before they became registry fields)."""
    names = set(reg.registry())
    found = []
    for folder in ("bot", "adapters"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.List | ast.Tuple | ast.Set | ast.Dict):
                    items = node.keys if isinstance(node, ast.Dict) else node.elts
                    listed = frozenset(i.value for i in items if isinstance(i, ast.Constant) and i.value in names)
                    where = path.relative_to(ROOT).as_posix()
                    if len(listed) >= 3 and (where, listed) not in ALLOWED_TOOL_LISTS:
                        found.append(f"{where}:{node.lineno} {sorted(listed)}")
    assert not found, "tools listed outside the registry (make it a Tool field instead): " + "; ".join(found)
