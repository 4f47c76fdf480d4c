"""search_knowledge: the cited extractive answer over what the caller may read."""

from __future__ import annotations

from bot.answering.extractive import answer_question
from bot.followup import rewrite
from bot.tools.context import TurnContext
from bot.tools.result import ToolResult


def search_knowledge(deps, ctx: TurnContext, question: str) -> ToolResult:
    """Answer from the knowledge base with numbered citations, or say plainly that nothing covers it."""
    question = rewrite(question, ctx.previous_question)  # a follow-up the model passed through unchanged
    answer = answer_question(deps.index, question, ctx.audience)
    return ToolResult("search_knowledge", {"question": question}, True, answer.text, citations=list(answer.citations),
                      abstained=answer.abstained)
