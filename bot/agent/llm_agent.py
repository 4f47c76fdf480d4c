"""One LLM turn: create_agent with the caller-bound tools; any failure becomes AgentUnavailable for the fallback."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from langchain.agents import create_agent
from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.messages import AIMessage, HumanMessage

from bot.agent.lc_tools import build_tools
from bot.agent.persona import system_prompt
from bot.chat_service import AgentUnavailable
from bot.store.history import Turn
from bot.tools.registry import figure_tools
from bot.tools.toolkit import Toolkit
from knowledge.sentences import token_estimate
from retrieval.cancellation import checkpoint

log = logging.getLogger(__name__)
_CONTROL_TOKENS = re.compile(r"<\|[^|]{1,40}\|>|<unk>|\ufffd")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")


def _degenerate(reply: str) -> bool:
    """True for a looping reply: the same line again and again, or a long text of very few distinct words."""
    lines = [line.strip() for line in reply.splitlines() if line.strip()]
    if lines and max(lines.count(line) for line in set(lines)) >= 4:
        return True
    words = reply.split()
    return len(words) > 60 and len(set(words)) / len(words) < 0.2


def _unsupported_figures(reply: str, tool_text: str) -> bool:
    """True when the reply states a percentage that no tool output contains (figures must come from tools)."""
    known = {float(v) for v in _PERCENT.findall(tool_text)}
    return any(float(v) not in known for v in _PERCENT.findall(reply))


def _within_budget(turns: list[Turn], budget: int) -> list[Turn]:
    """The most recent turns whose estimated tokens fit the budget (own estimate: no tokenizer download)."""
    kept: list[Turn] = []
    for turn in reversed([t for t in turns if t.text]):
        budget -= token_estimate(turn.text)
        if budget < 0:
            break
        kept.append(turn)
    return list(reversed(kept))


@dataclass(frozen=True)
class AgentOutcome:
    """The model's final reply and what the turn amounted to."""

    text: str
    intent: str
    abstained: bool


class _StopWhenCancelled(BaseCallbackHandler):
    """Checks the turn's cancellation before every model call of the agent loop (tool calls check in the toolkit)."""

    raise_error = True  # LangChain re-raises what a callback raises instead of logging it

    def on_chat_model_start(self, serialized, messages, **kwargs) -> None:
        """A turn past its deadline makes no further model call."""
        checkpoint("model call")

    def on_llm_start(self, serialized, prompts, **kwargs) -> None:
        """The same for completion-style models."""
        checkpoint("model call")


class LLMAgent:
    """Runs a LangChain agent per turn; the model is shared, the tools are rebuilt for each caller."""

    def __init__(self, model, max_steps: int = 12, history_turns: int = 6, history_tokens: int = 1500):
        """model: a LangChain chat model (ChatOpenAI in production, a scripted model in tests)."""
        self.model, self.max_steps = model, max_steps
        self.history_turns, self.history_tokens = history_turns, history_tokens

    def run(self, toolkit: Toolkit, text: str, history: list[Turn], understood=None) -> AgentOutcome:
        """Answer one message, or raise AgentUnavailable when the model is down, slow or incoherent (the router's
        `understood` is not used: the model picks its tools)."""
        ctx = toolkit.ctx
        employee = toolkit.deps.hr.employee_by_id(ctx.employee_id)
        prompt = system_prompt(getattr(employee, "name", ctx.employee_id), ctx.caller.role, ctx.caller.department_id,
                               ctx.today.isoformat(), ctx.language)
        agent = create_agent(self.model, build_tools(toolkit), system_prompt=prompt)
        messages = [HumanMessage(t.text) if t.role == "user" else AIMessage(t.text)
                    for t in _within_budget(history[-self.history_turns:], self.history_tokens)]
        try:
            state = agent.invoke({"messages": [*messages, HumanMessage(text)]},
                                 config={"recursion_limit": self.max_steps, "callbacks": [_StopWhenCancelled()]})
        except Exception as exc:  # connection refused, timeout, HTTP 5xx, malformed JSON, step limit
            raise AgentUnavailable(type(exc).__name__) from exc
        final = state["messages"][-1] if state.get("messages") else None
        reply = final.content if isinstance(final, AIMessage) else None
        if not isinstance(reply, str) or not reply.strip() or _CONTROL_TOKENS.search(reply) or _degenerate(reply):
            raise AgentUnavailable("empty, garbled or looping reply")
        return self._outcome(toolkit, reply.strip())

    @staticmethod
    def _outcome(toolkit: Toolkit, reply: str) -> AgentOutcome:
        """Enforce the grounding rule: a policy search that found nothing yields the honest "I don't know"."""
        calls = toolkit.calls
        intent = next((c.name for c in reversed(calls) if c.name != "search_knowledge"), None)
        searches = [c for c in calls if c.name == "search_knowledge"]
        if intent is None and searches:
            intent = "search_knowledge"
            if all(s.abstained for s in searches):
                return AgentOutcome(searches[-1].text, intent, True)
        figures = [c for c in calls if c.name in figure_tools() and c.ok]
        if figures and _unsupported_figures(reply, " ".join(c.text for c in calls)):
            log.warning("LLM reply stated figures no tool returned; showing the tool's own text")
            return AgentOutcome("\n\n".join(c.text for c in figures), intent or "chat", False)
        return AgentOutcome(reply, intent or "chat", False)
