"""ChatService: one message from one known person in, one reply out; LLM agent when configured, offline otherwise."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from bot.dialogue import front, phrases
from bot.dialogue.people import names_in
from bot.dialogue.state import SUBJECT_KEYS, DialogueState
from bot.help_text import help_text
from bot.messages import BotReply, IncomingMessage, ToolCall
from bot.offline_engine import EngineReply, OfflineEngine
from bot.routing import intents as I
from bot.store.history import HistoryStore
from bot.tools.context import TurnContext
from bot.tools.quiz_tools import current_question, open_item
from bot.tools.result import ToolResult
from bot.tools.toolkit import ToolDeps, Toolkit
from hr.caller import Caller
from retrieval.cancellation import TurnCancelled, checkpoint
from retrieval.language import detect_language
from retrieval.types import Audience

log = logging.getLogger(__name__)

_NOTICE = {"zh": "语言模型暂时不可用，本次由离线引擎回答。", "en": "The language model is unavailable; answered offline."}
_UNGROUNDED = {"zh": "语言模型没有查资料或调用工具就作答，本次改由离线引擎回答。",
               "en": "The language model answered without looking anything up; answered offline instead."}
_QUIZ_TOOLS = ("generate_quiz", "grade_answer", "stop_quiz")


class AgentUnavailable(Exception):
    """The LLM could not produce a usable reply (down, slow, or garbage); the turn falls back to offline."""


class ChatService:
    """The conversation core every channel calls: dialogue state, language, tools bound to the caller, fallback.

    `handle` is safe to call from worker threads: every turn opens its own database sessions."""

    def __init__(self, deps: ToolDeps, history: HistoryStore, offline: OfflineEngine, agent=None,
                 today: Callable[[], date] | None = None, states=None):
        """deps: shared tool dependencies; agent: an LLM agent with run(toolkit, text, history) or None;
        states: a DialogueStateStore (None keeps no state between turns, for throw-away uses)."""
        self.deps, self.history, self.offline, self.agent, self.states = deps, history, offline, agent, states
        self._today = today or (lambda: deps.hr.today())

    def handle(self, msg: IncomingMessage) -> BotReply:
        """Answer one message; never raises to the channel."""
        started = time.perf_counter()
        state = self._state(msg)
        names = names_in(self.deps.hr, msg.text)  # once a turn: the engine asks who they are only when there are any
        asked = None if msg.action else phrases.asks_for_language(msg.text)  # "Can you say that in English?"
        language = asked or message_language(msg.text, state, self._proper_names(msg.text, names))
        try:
            # a follow-up ("and can I carry unused days over?", "and transport?") does not repeat the line that
            # answered the last question unless that line is also the best answer to the new one (a reply asked
            # for again in another language is the same answer, nothing left out)
            ctx = self._context(msg, language, None if asked else state.question or None,
                                "" if asked else state.answered)
        except Exception as exc:
            log.info("unknown or unusable caller on %s", msg.channel)
            text = exc.message(language) if hasattr(exc, "message") else type(exc).__name__
            return BotReply(text=text, private=True, act="refused")
        toolkit = Toolkit(self.deps, ctx)
        try:
            engine, mode, notice = self._turn(msg, toolkit, ctx, state, names)
        except TurnCancelled as stop:  # past the deadline: the person was told; nothing is remembered of this turn
            log.info("turn on %s stopped after %.0f ms: %s", msg.channel, (time.perf_counter() - started) * 1000, stop)
            raise
        except Exception:
            log.exception("turn failed on %s thread", msg.channel)
            toolkit.calls.clear()
            engine, mode, notice = EngineReply("error", ctx.say("抱歉，我这边出了点问题，请稍后再试。", "Sorry, something "
                                                                "went wrong on my side; please try again."),
                                               act="error"), "offline", None
        reply = self._reply(engine, toolkit, mode, notice)
        checkpoint("saving the turn")  # a reply nobody will see must not become the thread's context
        self._remember(msg, ctx, reply, engine, toolkit, state)
        log.info("turn on %s done in %.0f ms (mode %s, act %s, %s tools)", msg.channel,
                 (time.perf_counter() - started) * 1000, reply.mode, reply.act, len(reply.tools))
        return reply

    # understanding -------------------------------------------------------------------------------------------
    def _proper_names(self, text: str, names: list[str]) -> list[str]:
        """People's names and a course title written in the message: words that must not decide its language."""
        found = list(names)
        catalog = getattr(getattr(self.offline, "router", None), "catalog", None)
        course = catalog.find_course(text) if catalog is not None and text else None
        if course is not None and course.span:
            found.append(course.span)
        return found

    def _turn(self, msg: IncomingMessage, toolkit: Toolkit, ctx: TurnContext, state: DialogueState,
              names: list[str]) -> tuple[EngineReply, str, str | None]:
        """The deterministic front first; then the LLM agent (when configured) or the offline engine."""
        quiz_item = open_item(self.deps, ctx)
        decision = front.decide(msg.text, msg.action, state, quiz_item)
        handled = self._front(decision, toolkit, ctx) or self._parked_answer(msg, toolkit, state) \
            or self._survey_reply(msg, toolkit, state) or self._in_other_language(msg, toolkit, state)
        if handled is not None:
            return handled, "offline", None
        checkpoint("routing")
        understood = self.offline.understand(toolkit, msg.text, state, asks=decision.kind == "quiz_question",
                                             names=names)
        if quiz_item is not None and _reads_as_answer(decision, understood):
            result = toolkit.run("grade_answer", answer=msg.text.strip())
            return EngineReply("grade_answer", result.text, [result]), "offline", None
        notice = None
        if self.agent is not None:
            checkpoint("model turn")
            engine, notice = self._agent_turn(msg, toolkit, ctx, understood)
            if engine is not None:
                return self._resume_quiz(engine, toolkit, ctx, quiz_item), "llm", None
        checkpoint("offline answer")
        engine = self.offline.respond(toolkit, msg.text, state, understood)
        return self._resume_quiz(engine, toolkit, ctx, quiz_item), "offline", notice

    def _front(self, decision: front.Decision, toolkit: Toolkit, ctx: TurnContext) -> EngineReply | None:
        """Buttons, confirmations, quiz answers / exit and greetings, answered without the router or the model."""
        kind = decision.kind
        if kind == "confirm":
            result = toolkit.confirm(decision.value)
            return EngineReply(result.name, result.text, [result])
        if kind == "stale_confirm":
            return EngineReply("confirm", ctx.say("这个确认已经过期或与刚才的预览不符，没有做任何更改。请重新说一次你的请求。",
                                                  "That confirmation has expired or does not match the last preview; "
                                                  "nothing was changed. Please ask again."), act="clarify")
        if kind == "cancel":
            return EngineReply("cancel", ctx.say("好的，已取消，没有做任何更改。", "OK, cancelled; nothing was changed."),
                               act="cancelled")
        if kind == "quiz_answer":
            result = toolkit.run("grade_answer", answer=decision.value["answer"])
            return EngineReply("grade_answer", result.text, [result])
        if kind == "quiz_give_up":
            result = toolkit.run("grade_answer", answer="", give_up=True)
            return EngineReply("grade_answer", result.text, [result])
        if kind == "quiz_exit":
            result = toolkit.run("stop_quiz")
            return EngineReply("stop_quiz", result.text, [result])
        if kind == "quiz_resume" and (current := current_question(self.deps, ctx)) is not None:
            text, actions = current
            return EngineReply("quiz_resume", text, act="quiz_start", resume_actions=actions)
        if kind == "help":
            return EngineReply(I.HELP, help_text(ctx.language, ctx.caller.role), act="help")
        if kind == "change_record":
            return EngineReply(I.HELP, ctx.say(
                "这个我做不了：考试成绩由正式考试记录，学习进度和完成状态来自课程本身，聊天里不能修改。"
                "如果你认为记录有误，请联系 HR 或培训专员核实。",
                "I can't do that: exam scores come from the official exam, and progress and completion from the course "
                "itself; nobody changes them in chat. If you think a record is wrong, ask HR or a training specialist "
                "to check it."), act="refused")
        if kind == "thanks":
            return EngineReply(I.HELP, ctx.say("不客气！还有问题随时问我，说“帮助”可以看我能做什么。",
                                               "You're welcome! Ask me anything else any time; say \"help\" to see "
                                               "what I can do."), act="help")
        return None

    def _in_other_language(self, msg: IncomingMessage, toolkit: Toolkit, state: DialogueState) -> EngineReply | None:
        """"Can you say that in English?" / "用中文再说一遍": the last request answered again in the language asked
        for (the tools write every reply in the turn's language). A change already made is not made again, and a
        quiz's own turns are not replayed: those fall through to the router."""
        from bot.tools.registry import get

        if msg.action or phrases.asks_for_language(msg.text) is None:
            return None
        tool = get(state.intent)
        if tool is None or state.intent in _QUIZ_TOOLS or (tool.confirm is not None and not state.pending) \
                or state.act == "clarify":
            return None
        args = {k: v for k, v in state.args.items() if k in tool.args.model_fields}
        if state.intent == I.SEARCH_KNOWLEDGE:
            args["question"] = state.question or str(args.get("question", ""))
        result = toolkit.run(state.intent, **args)
        return EngineReply(state.intent, result.text, [result], str(args.get("question", "")))

    def _parked_answer(self, msg: IncomingMessage, toolkit: Toolkit, state: DialogueState) -> EngineReply | None:
        """A reply to a question a tool parked in the thread (e.g. "rate this course 1-5"), read by that tool."""
        from bot.tools.registry import get

        tool = get((state.pending or {}).get("op", ""))
        if tool is None or tool.answer_pending is None or msg.action or not msg.text.strip():
            return None
        result = tool.answer_pending(self.deps, toolkit.ctx, state.pending, msg.text.strip())
        if result is None:
            return None
        toolkit.calls.append(result)
        return EngineReply(result.name, result.text, [result])

    def _survey_reply(self, msg: IncomingMessage, toolkit: Toolkit, state: DialogueState) -> EngineReply | None:
        """In a private chat, a plain rating answers the course survey the person was sent in a DM ([H11b]'s reader)."""
        if msg.shared or msg.action or state.pending or not msg.text.strip():
            return None
        from bot.surveys.reply import answer_open_invite

        result = answer_open_invite(self.deps, toolkit.ctx, msg.text.strip())
        if result is None:
            return None
        toolkit.calls.append(result)
        return EngineReply(result.name, result.text, [result])

    def _agent_turn(self, msg, toolkit: Toolkit, ctx: TurnContext, understood) -> tuple[EngineReply | None, str | None]:
        """One LLM turn; (None, notice) to answer offline when the model is down, garbled or skipped a needed tool."""
        try:
            outcome = self.agent.run(toolkit, msg.text, self._history(msg), understood=understood)
        except AgentUnavailable as exc:
            log.warning("LLM unavailable (%s); answering offline", exc)
            toolkit.calls.clear()
            return None, _NOTICE[ctx.language]
        if not toolkit.calls and understood[0].intent != I.HELP:
            log.warning("LLM answered a request that needs a tool without calling one; answering offline")
            return None, _UNGROUNDED[ctx.language]
        engine = EngineReply(outcome.intent, outcome.text, list(toolkit.calls), msg.text)
        engine.abstained_override = outcome.abstained
        return engine, None

    def _resume_quiz(self, engine: EngineReply, toolkit: Toolkit, ctx: TurnContext, quiz_item) -> EngineReply:
        """A question asked mid-quiz is answered, then the open quiz's current question is shown again."""
        if quiz_item is None or any(r.name in _QUIZ_TOOLS for r in toolkit.calls):
            return engine
        resumed = current_question(self.deps, ctx)
        if resumed is not None:
            text, actions = resumed
            engine.text = (engine.text or "\n\n".join(r.text for r in toolkit.calls)) + "\n\n" + text
            engine.resume_actions = actions
        return engine

    # the reply -------------------------------------------------------------------------------------------------
    def _reply(self, engine: EngineReply, toolkit: Toolkit, mode: str, notice: str | None) -> BotReply:
        """Gather text, citations, files, buttons, privacy, what was done and about whom, from the tools the turn ran."""
        results: list[ToolResult] = toolkit.calls or engine.results
        text = engine.text or "\n\n".join(r.text for r in results)
        override = engine.abstained_override
        searches = [r for r in results if r.name == "search_knowledge"]
        abstained = override if override is not None else bool(searches) and all(r.abstained for r in searches)
        primary = _primary(results)
        act = engine.act or (primary.act if primary else "")
        if primary is not None and primary.name == "search_knowledge" and mode == "llm":
            act = "abstain" if abstained else "answer"
        actions = [a for r in results for a in r.actions] + list(engine.resume_actions)
        return BotReply(text=text, citations=[c for r in results for c in r.citations],
                        attachments=[a for r in results for a in r.attachments], actions=actions,
                        private=any(r.private for r in results), abstained=abstained, mode=mode, notice=notice,
                        tools=[ToolCall(r.name, dict(r.args), r.ok) for r in results], act=act,
                        subject=dict(primary.subject) if primary else {})

    # memory ------------------------------------------------------------------------------------------------------
    def _state(self, msg: IncomingMessage) -> DialogueState:
        """The thread's dialogue state; a store failure costs context, never the reply."""
        if self.states is None:
            return DialogueState()
        try:
            return self.states.load(msg.channel, msg.thread_id, msg.employee_id)
        except Exception:
            log.exception("could not read the thread's dialogue state")
            return DialogueState()

    def _history(self, msg: IncomingMessage) -> list:
        """The thread's recent turns (context for the LLM); a history failure costs context, never the reply."""
        try:
            return self.history.recent(msg.channel, msg.thread_id, msg.employee_id)
        except Exception:
            log.exception("could not read the thread's history")
            return []

    def _context(self, msg: IncomingMessage, language: str, previous_question: str | None,
                 previous_answer: str = "") -> TurnContext:
        """Resolve the caller from the channel's employee id, and what they may read."""
        hr = self.deps.hr
        employee = hr.employee_by_id(msg.employee_id)
        if employee is None:
            hr.caller_for(msg.employee_id)  # raises the HR service's own bilingual not-found error
        caller = Caller.of(employee)
        audience = Audience.of(*hr.audience_tags(employee))
        return TurnContext(caller=caller, audience=audience, language=language, channel=msg.channel,
                           thread_id=msg.thread_id, today=self._today(), previous_question=previous_question,
                           previous_answer=previous_answer)

    def _remember(self, msg: IncomingMessage, ctx: TurnContext, reply: BotReply, engine: EngineReply,
                  toolkit: Toolkit, state: DialogueState) -> None:
        """Store both sides of the turn and the thread's new dialogue state."""
        results = toolkit.calls or engine.results
        try:
            self.history.append(msg.channel, msg.thread_id, ctx.employee_id, "user", msg.text or str(msg.action or {}),
                                engine.intent, engine.standalone or msg.text)
            self.history.append(msg.channel, msg.thread_id, ctx.employee_id, "assistant", reply.text, engine.intent)
        except Exception:
            log.exception("could not store the turn's history")
        if self.states is None:
            return
        try:
            self.states.save(msg.channel, msg.thread_id, msg.employee_id, next_state(state, results, ctx.language))
        except Exception:
            log.exception("could not store the thread's dialogue state")


def _primary(results: list[ToolResult]) -> ToolResult | None:
    """The result that says what the turn did: the last one that is not a search, else the last search."""
    return next((r for r in reversed(results) if r.name != "search_knowledge"), results[-1] if results else None)


def _reads_as_answer(decision: front.Decision, understood) -> bool:
    """With a quiz open, a reply the router cannot place as a request is an answer attempt (graded, or explained)."""
    resolved, confident = understood
    if decision.kind == "quiz_maybe_answer":
        return not (confident and resolved.intent not in (I.SEARCH_KNOWLEDGE, I.HELP))
    return False


def next_state(state: DialogueState, results: list[ToolResult], language: str) -> DialogueState:
    """What the thread remembers after this turn: the latest subject wins, a pending change lives one turn."""
    new = replace(state, subject=dict(state.subject), pending=None, language=language)
    primary = _primary(results)
    if primary is None or primary.act in ("error",) or primary.name in ("grade_answer", "stop_quiz"):
        return new
    if primary.pending:
        new.pending = dict(primary.pending)
    if any(key in primary.subject for key in ("employee", "team", "department")):
        for key in ("employee", "team", "department"):
            new.subject.pop(key, None)
    new.subject.update({k: v for k, v in {**primary.subject, **primary.focus}.items() if k in SUBJECT_KEYS and v})
    new.intent, new.act = primary.name, primary.act
    new.listed = list(primary.listed)
    new.args = {k: v for k, v in primary.args.items() if k not in ("confirmed", "count")}
    if primary.name == I.SEARCH_KNOWLEDGE:
        new.question = str(primary.args.get("question", ""))
        new.source = primary.citations[0].title if primary.citations and not primary.abstained else ""
        new.answered = "" if primary.abstained else primary.answered
    return new


def message_language(text: str, state: DialogueState, names: list[str] | tuple[str, ...] = ()) -> str:
    """The message's language; a message with no language in it ("B", "ok", "E0013") keeps the thread's language.

    `names` (people, course titles) are taken out first: "Please enroll 高博欣 in DATA-101" is English."""
    original = (text or "").strip()
    stripped = original
    for name in sorted(names, key=len, reverse=True):
        stripped = re.sub(re.escape(name), " ", stripped, flags=re.IGNORECASE)
    stripped = stripped.strip()
    if not re.search(r"[A-Za-z\u4e00-\u9fff]", stripped):
        if state.language:
            return state.language
        stripped = original  # nothing but names, in a new thread: the names are all there is to go by
    if not stripped:
        return state.language or "zh"
    if re.search(r"[\u4e00-\u9fff]", stripped):
        return "zh"
    words = re.sub(r"[A-Za-z]{2,6}-?\d{2,4}|[Ee]\d{3,6}", " ", stripped)
    letters = re.findall(r"[A-Za-z]+", words)
    if sum(len(w) for w in letters) <= 5:  # too few words of its own to tell: the thread's, else the whole text's
        return state.language or detect_language(original)
    return detect_language(stripped)
