"""The one tool registry: each tool declared once; LLM schemas, the offline engine, help, privacy and routing read it.

Adding a tool: write its function `run(deps, ctx, args) -> ToolResult` and a pydantic argument model in a
`bot/tools/<area>_tools.py` module, add one `Tool(...)` entry to that module's `TOOLS` list (a new module also goes
into `_MODULES` below), and write its tests. Nothing else lists tools."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

_MODULES = ("bot.tools.knowledge_tools", "bot.tools.enrollment_tools", "bot.tools.progress_tools",
            "bot.tools.kpi_tools", "bot.tools.analytics_tools", "bot.tools.nudge_tools", "bot.tools.quiz_tools",
            "bot.tools.exam_tools", "bot.tools.trend_tools", "bot.surveys.tool")
ALL_ROLES = frozenset({"employee", "manager", "hr", "training_specialist"})
MANAGERS_AND_HR = frozenset({"manager", "hr", "training_specialist"})
HR_ONLY = frozenset({"hr", "training_specialist"})
HELP = "help"  # the routing label for greetings and "what can you do" (answered without a tool)


@dataclass(frozen=True)
class Tool:
    """One thing the mentor can do, declared once."""

    name: str  # the LLM tool name, the offline routing label and ToolCall.name
    args: type[BaseModel]  # the arguments (never the caller: that is bound in TurnContext)
    run: Callable[[Any, Any, Any], Any]  # fn(deps, ctx, args) -> ToolResult
    about_zh: str  # one line: what it does (help text, LLM description)
    about_en: str
    act: str  # what a successful call did, as the reply's label (answer, progress, enroll_preview, ...)
    private: bool = True  # personal data: shown in a DM or ephemerally
    confirm: Callable[[Any, Any, dict], Any] | None = None  # fn(deps, ctx, pending) -> ToolResult after "confirm"
    slots: tuple[str, ...] = ()  # router slots that fill arguments of the same name
    examples: tuple[tuple[str, str], ...] = ()  # (zh, en) requests: help text, web starters, classifier seed lines
    roles: frozenset[str] = ALL_ROLES  # who is offered it (help, LLM tool list); the HR service still decides
    routable: bool = True  # a label of the offline classifier
    follow_up: bool = False  # a short follow-up ("and marketing?", "what about E0013?") may keep asking this tool
    inherits_course: bool = False  # an elliptical follow-up ("那下一场呢？", "and when?") is about the thread's course
    figures: bool = False  # its text holds figures a model's wording must not change (LLM mode keeps them as given)
    answer_pending: Callable[[Any, Any, dict, str], Any] | None = None  # fn(deps, ctx, pending, text) -> ToolResult
    # or None: reads the reply to a question this tool parked in `pending` (a survey's "rate 1-5"); None = not an answer

    def offered_to(self, role: str) -> bool:
        """Whether this role sees the tool in help and the LLM's tool list."""
        return role in self.roles


@cache
def registry() -> dict[str, Tool]:
    """Every tool by name, in declaration order (imported on first use, never at import time)."""
    tools: dict[str, Tool] = {}
    for module in _MODULES:
        for tool in importlib.import_module(module).TOOLS:
            if tool.name in tools or tool.name == HELP:
                raise ValueError(f"tool name {tool.name!r} is declared twice")
            tools[tool.name] = tool
    return tools


def get(name: str) -> Tool | None:
    """The tool of that name, or None."""
    return registry().get(name)


def routing_labels() -> tuple[str, ...]:
    """The intents the offline classifier chooses among: every routable tool, plus help."""
    return (*[t.name for t in registry().values() if t.routable], HELP)


def follow_up_tools() -> frozenset[str]:
    """Tools a short elliptical follow-up may keep asking with the thread's subject."""
    return frozenset(t.name for t in registry().values() if t.follow_up)


def figure_tools() -> frozenset[str]:
    """Tools whose output states figures (rates, counts, scores) that must reach the person unchanged."""
    return frozenset(t.name for t in registry().values() if t.figures)


def offered(role: str) -> list[Tool]:
    """The tools a role is offered, in declaration order."""
    return [t for t in registry().values() if t.offered_to(role)]


def examples_for_role(role: str, language: str, per_tool: int = 1) -> list[str]:
    """Example requests for a role, in one language (help text and the web page's empty-state starters)."""
    index = 0 if language == "zh" else 1
    return [pair[index] for tool in offered(role) for pair in tool.examples[:per_tool]]
