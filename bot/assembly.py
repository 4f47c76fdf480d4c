"""Put a ChatService together from already-built parts (the composition root passes them in; tests do the same)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine

from bot.chat_service import ChatService
from bot.offline_engine import OfflineEngine
from bot.quiz.generator import QuizGenerator
from bot.routing.router import IntentRouter
from bot.store.dialogue_states import DialogueStateStore
from bot.store.history import HistoryStore
from bot.store.quiz_sessions import QuizSessionStore
from bot.tools.catalog_loader import load_catalog, names_of
from bot.tools.deps import ToolDeps

if TYPE_CHECKING:
    from hr.service import HRService
    from retrieval.index import KnowledgeIndex


def assemble_chat_service(hr: HRService, index: KnowledgeIndex, engine: Engine, chat_model=None,
                          tool_mode: str = "agent") -> ChatService:
    """hr: HRService; index: KnowledgeIndex; engine: the database holding HR and bot tables; chat_model: LLM or None;
    tool_mode: "agent" (the model picks tools) or "routed" (the router picks, the model fills arguments and words)."""
    catalog = load_catalog(engine)
    deps = ToolDeps(hr=hr, index=index, quizzes=QuizGenerator(index, chat_model),
                    quiz_sessions=QuizSessionStore(engine), names=names_of(catalog))
    agent = None
    if chat_model is not None and tool_mode == "routed":
        from bot.agent.routed_agent import RoutedAgent

        agent = RoutedAgent(chat_model)
    elif chat_model is not None:
        if tool_mode != "agent":
            raise ValueError(f"unknown LLM tool mode {tool_mode!r}: use 'agent' or 'routed' (MENTOR_LLM_TOOL_MODE)")
        from bot.agent.llm_agent import LLMAgent

        agent = LLMAgent(chat_model)
    return ChatService(deps, HistoryStore(engine), OfflineEngine(IntentRouter(catalog, encoder=index)), agent,
                       states=DialogueStateStore(engine))
