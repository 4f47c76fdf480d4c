"""The LLM sees only as much history as fits its token budget, newest first."""

from __future__ import annotations

from bot.agent.llm_agent import _within_budget
from bot.store.history import Turn


def test_budget_keeps_the_newest_turns_in_order():
    turns = [Turn("user", "很长的问题" * 100, "", ""), Turn("assistant", "short answer", "", ""),
             Turn("user", "那补考呢？", "", ""), Turn("assistant", "", "", "")]
    kept = _within_budget(turns, 50)
    assert [t.text for t in kept] == ["short answer", "那补考呢？"]
    assert _within_budget(turns, 10_000)[0].text.startswith("很长")
