"""ChatService: one message from one known person in, one reply out; LLM agent when configured, offline otherwise."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from datetime import date

from bot.messages import BotReply, IncomingMessage, ToolCall
from bot.offline_engine import CANCEL, CONFIRM, EngineReply, OfflineEngine, pending_from
from bot.store.history import HistoryStore
from bot.tools.context import TurnContext
from bot.tools.result import ToolResult
from bot.tools.toolkit import ToolDeps, Toolkit
from hr.caller import Caller
from retrieval.language import detect_language
from retrieval.types import Audience

log = logging.getLogger(__name__)

PRIVATE_INTENTS = {"my_progress", "explain_kpi", "grade_answer", "team_progress", "recommend_courses"}
_NOTICE = {"zh": "语言模型暂时不可用，本次由离线引擎回答。", "en": "The language model is unavailable; answered offline."}
_UNGROUNDED = {"zh": "语言模型没有查资料或调用工具就作答，本次改由离线引擎回答。",
               "en": "The language model answered without looking anything up; answered offline instead."}


class AgentUnavailable(Exception):
    """The LLM could not produce a usable reply (down, slow, or garbage); the turn falls back to offline."""


class ChatService:
    """The conversation core every channel calls: history, language, tools bound to the caller, fallback."""

    def __init__(self, deps: ToolDeps, history: HistoryStore, offline: OfflineEngine, agent=None,
                 today: Callable[[], date] | None = None):
        """deps: shared tool dependencies; agent: an LLM agent with run(toolkit, text, history) or None."""
        self.deps, self.history, self.offline, self.agent = deps, history, offline, agent
        self._today = today or (lambda: deps.hr.today())

    def handle(self, msg: IncomingMessage) -> BotReply:
        """Answer one message; never raises to the channel."""
        started = time.perf_counter()
        history = self._history(msg)
        language = _language(msg.text, history)
        try:
            ctx = self._context(msg, language, _previous_question(history))
        except Exception as exc:
            log.info("unknown or unusable caller on %s", msg.channel)
            text = exc.message(language) if hasattr(exc, "message") else type(exc).__name__
            return BotReply(text=text, private=True)
        toolkit = Toolkit(self.deps, ctx)
        try:
            reply, record = self._turn(msg, toolkit, ctx, history)
        except Exception:
            log.exception("turn failed on %s thread", msg.channel)
            reply = BotReply(text=ctx.say("抱歉，我这边出了点问题，请稍后再试。", "Sorry, something went wrong on my side; "
                                          "please try again."), private=True)
            record = ("error", "", None)
        self._remember(msg, ctx, reply, record)
        log.info("turn on %s done in %.0f ms (mode %s, %s tools)", msg.channel,
                 (time.perf_counter() - started) * 1000, reply.mode, len(reply.tools))
        return reply

    def _history(self, msg: IncomingMessage) -> list:
        """The thread's recent turns; a history failure costs context, never the reply."""
        try:
            return self.history.recent(msg.channel, msg.thread_id, msg.employee_id)
        except Exception:
            log.exception("could not read the thread's history")
            return []

    def _context(self, msg: IncomingMessage, language: str, previous_question: str | None) -> TurnContext:
        """Resolve the caller from the channel's employee id, and what they may read."""
        hr = self.deps.hr
        employee = hr.employee_by_id(msg.employee_id)
        if employee is None:
            hr.caller_for(msg.employee_id)  # raises the HR service's own bilingual not-found error
        caller = Caller.of(employee)
        audience = Audience.of(*hr.audience_tags(employee))
        return TurnContext(caller=caller, audience=audience, language=language, channel=msg.channel,
                           thread_id=msg.thread_id, today=self._today(), previous_question=previous_question)

    def _turn(self, msg: IncomingMessage, toolkit: Toolkit, ctx: TurnContext, history: list) -> tuple[BotReply, tuple]:
        """Buttons and confirmations are handled without the model; free text goes to the agent or offline."""
        quiz_open = self.deps.quiz_sessions.current(msg.channel, msg.thread_id, ctx.employee_id) is not None
        if msg.action:
            engine = self._action(msg.action, toolkit, ctx)
            return self._reply(engine, toolkit, "offline", None), (engine.intent, "", engine)
        if self.agent is not None and not _is_deterministic(msg.text, history, quiz_open):
            try:
                outcome = self.agent.run(toolkit, msg.text, history)
                if not toolkit.calls and self._needs_a_tool(msg.text, ctx):
                    log.warning("LLM answered a request that needs a tool without calling one; answering offline")
                    return self._offline_fallback(msg, toolkit, ctx, history, quiz_open, _UNGROUNDED)
                engine = EngineReply(outcome.intent, outcome.text, list(toolkit.calls), msg.text)
                return self._reply(engine, toolkit, "llm", None, abstain_override=outcome.abstained), \
                    (engine.intent, engine.standalone, engine)
            except AgentUnavailable as exc:
                log.warning("LLM unavailable (%s); answering offline", exc)
                return self._offline_fallback(msg, toolkit, ctx, history, quiz_open, _NOTICE)
        engine = self.offline.respond(toolkit, msg.text, history, quiz_open)
        return self._reply(engine, toolkit, "offline", None), (engine.intent, engine.standalone, engine)

    def _needs_a_tool(self, text: str, ctx: TurnContext) -> bool:
        """Anything but small talk needs a tool: policy answers must cite, figures must come from HR."""
        return self.offline.router.route(text, ctx.today).intent != "help"

    def _offline_fallback(self, msg: IncomingMessage, toolkit: Toolkit, ctx: TurnContext, history: list,
                          quiz_open: bool, notices: dict[str, str]) -> tuple[BotReply, tuple]:
        """Answer with the offline engine and say why."""
        toolkit.calls.clear()
        engine = self.offline.respond(toolkit, msg.text, history, quiz_open)
        reply = self._reply(engine, toolkit, "offline", notices[ctx.language])
        return reply, (engine.intent, engine.standalone, engine)

    def _action(self, action: dict, toolkit: Toolkit, ctx: TurnContext) -> EngineReply:
        """A pressed button: confirm a change, cancel it, or answer a quiz question."""
        kind = action.get("kind")
        value = action.get("value", action)
        if kind == "confirm":
            return EngineReply("confirm", "", [toolkit.confirm(value)])
        if kind == "quiz_answer":
            result = toolkit.run("grade_answer", answer=str(value.get("answer", "")))
            return EngineReply("grade_answer", result.text, [result])
        return EngineReply("cancel", ctx.say("好的，已取消，没有做任何更改。", "OK, cancelled; nothing was changed."))

    @staticmethod
    def _reply(engine: EngineReply, toolkit: Toolkit, mode: str, notice: str | None,
               abstain_override: bool | None = None) -> BotReply:
        """Gather text, citations, files, buttons and the privacy flag from the tools the turn ran."""
        results: list[ToolResult] = toolkit.calls or engine.results
        text = engine.text or "\n\n".join(r.text for r in results)
        citations = [c for r in results for c in r.citations]
        abstained = abstain_override if abstain_override is not None else any(
            r.abstained for r in results if r.name == "search_knowledge")
        private = engine.intent in PRIVATE_INTENTS or any(r.private for r in results)
        return BotReply(text=text, citations=citations, attachments=[a for r in results for a in r.attachments],
                        actions=[a for r in results for a in r.actions], private=private, abstained=abstained,
                        mode=mode, notice=notice, tools=[ToolCall(r.name, dict(r.args), r.ok) for r in results])

    def _remember(self, msg: IncomingMessage, ctx: TurnContext, reply: BotReply, record: tuple) -> None:
        """Store both sides of the turn; the bot side keeps any change awaiting confirmation."""
        intent, standalone, engine = record
        pending = next((r.pending for r in (engine.results if engine else []) if r.pending), None)
        try:
            self.history.append(msg.channel, msg.thread_id, ctx.employee_id, "user",
                                msg.text or json.dumps(msg.action or {}), intent, standalone or msg.text)
            self.history.append(msg.channel, msg.thread_id, ctx.employee_id, "assistant", reply.text, intent,
                                pending=json.dumps(pending) if pending else "")
        except Exception:
            log.exception("could not store the turn's history")


def _language(text: str, history: list) -> str:
    """The message's language; a button press (no text) keeps the language the person last wrote in."""
    if text.strip():
        return detect_language(text)
    last = next((t.text for t in reversed(history) if t.role == "user" and t.text and not t.text.startswith("{")), "")
    return detect_language(last) if last else "zh"


def _previous_question(history: list) -> str | None:
    """The person's last standalone question in the thread (follow-ups are rewritten against it)."""
    return next((t.standalone or t.text for t in reversed(history)
                 if t.role == "user" and t.intent in ("search_knowledge", "chat")), None)


def _is_deterministic(text: str, history, quiz_open: bool) -> bool:
    """Confirmations and quiz answers never go through the model: a reply of "yes" must not be reinterpreted."""
    stripped = text.strip()
    if pending_from(history) and (CONFIRM.match(stripped) or CANCEL.match(stripped)):
        return True
    return quiz_open and len(stripped) <= 40 and "?" not in stripped and "？" not in stripped
