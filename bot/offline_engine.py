"""The offline engine: routes a message to a tool by intent and slots, with no language model involved."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from bot.followup import follow_up_focus, rewrite
from bot.help_text import help_text, short_help
from bot.routing import intents as I
from bot.routing.router import IntentRouter
from bot.store.history import Turn
from bot.tools.result import ToolResult
from bot.tools.toolkit import Toolkit

CONFIRM = re.compile(r"^(确认|确定|是的?|好的?|可以|行|没问题|yes|y|yep|ok|okay|sure|confirm|go ahead|do it)[!！。.]?$",
                      re.IGNORECASE)
CANCEL = re.compile(r"^(取消|不用了?|算了|不要|否|no|n|nope|cancel|stop|never mind)[!！。.]?$", re.IGNORECASE)
_DATA_INTENTS = (I.MY_PROGRESS, I.TEAM_PROGRESS, I.EXPLAIN_KPI, I.COMPLETION_REPORT)


@dataclass
class EngineReply:
    """What the engine decided to say, which intent it served and which tool results back it."""

    intent: str
    text: str
    results: list[ToolResult] = field(default_factory=list)
    standalone: str = ""


class OfflineEngine:
    """Intent router plus slot filling, calling the same tools the LLM agent calls."""

    def __init__(self, router: IntentRouter):
        """Keep the router (built once from the organisation's catalog)."""
        self.router = router

    def respond(self, toolkit: Toolkit, text: str, history: list[Turn], quiz_open: bool) -> EngineReply:
        """Answer one message: confirmations, quiz answers, follow-ups, then the routed intent."""
        ctx = toolkit.ctx
        stripped = text.strip()
        pending = pending_from(history)
        if pending and CONFIRM.match(stripped):
            return EngineReply("confirm", "", [toolkit.confirm(pending)])
        if pending and CANCEL.match(stripped):
            return EngineReply("cancel", ctx.say("好的，已取消，没有做任何更改。", "OK, cancelled; nothing was changed."))
        routed = self.router.route(stripped, ctx.today)
        intent, slots = routed.intent, dict(routed.slots)
        if quiz_open and (intent == I.GRADE_ANSWER or not routed.cued) and len(stripped) <= 40 \
                and not re.search(r"[?？]", stripped):
            intent, slots = I.GRADE_ANSWER, {"answer": slots.get("answer", stripped)}
        standalone = stripped
        if follow_up_focus(stripped):
            previous = _previous_user_turn(history)
            if previous and previous.intent in _DATA_INTENTS and intent in (I.SEARCH_KNOWLEDGE, I.HELP):
                before = self.router.slots_for(previous.intent, previous.standalone or previous.text, ctx.today)
                intent = previous.intent
                slots = {**before, **self.router.slots_for(intent, stripped, ctx.today)}
            elif previous and intent == I.SEARCH_KNOWLEDGE:
                standalone = rewrite(stripped, previous.standalone or previous.text)
        reply = self._dispatch(toolkit, intent, slots, standalone)
        unrecognised = not routed.cued and intent == I.SEARCH_KNOWLEDGE  # no request phrase: say what else we can do
        if unrecognised and reply.results and reply.results[0].abstained:
            reply.text = reply.text + "\n\n" + short_help(ctx.language)
        return reply

    def _dispatch(self, toolkit: Toolkit, intent: str, slots: dict, standalone: str) -> EngineReply:
        """Call the intent's tool with its slots; ask for what is missing."""
        ctx = toolkit.ctx
        if intent == I.HELP:
            return EngineReply(intent, help_text(ctx.language), standalone=standalone)
        if intent == I.SEARCH_KNOWLEDGE:
            result = toolkit.run("search_knowledge", question=standalone)
            return EngineReply(intent, result.text, [result], standalone)
        if intent == I.ENROLL and not slots.get("course"):
            return EngineReply(intent, ctx.say("想报名哪门课？请告诉我课程名称或编号，例如 SEC-101。",
                                               "Which course? Tell me its name or code, e.g. SEC-101."), standalone=standalone)
        if intent == I.GENERATE_QUIZ:
            args = {"n": slots.get("n", 5)}
            if slots.get("course"):
                args["course"] = slots["course"]
            else:
                topic = _quiz_topic(standalone)
                if topic:
                    args["topic"] = topic
            result = toolkit.run("generate_quiz", **args)
            return EngineReply(intent, result.text, [result], standalone)
        args = _tool_args(intent, slots, standalone)
        result = toolkit.run(intent, **args)
        return EngineReply(intent, result.text, [result], standalone)


def _tool_args(intent: str, slots: dict, text: str) -> dict:
    """Map router slots onto the tool's keyword arguments."""
    keep = {
        I.ENROLL: ("course",),
        I.MY_PROGRESS: ("period", "employee"),
        I.TEAM_PROGRESS: ("period",),
        I.EXPLAIN_KPI: ("period", "employee", "department"),
        I.RECOMMEND_COURSES: (),
        I.COMPLETION_REPORT: ("by", "period", "department", "course"),
        I.NUDGE_TEAM: ("course",),
        I.GRADE_ANSWER: ("answer",),
    }[intent]
    args = {k: slots[k] for k in keep if k in slots}
    if intent == I.GRADE_ANSWER and "answer" not in args:
        args["answer"] = text
    return args


def _quiz_topic(text: str) -> str:
    """The topic words of a quiz request without the asking words ("quiz me on phishing" -> "phishing")."""
    topic = re.sub(r"考考我|出\s*\S{0,3}\s*(道|个)?题(目)?|给我|测验|小测|练习题|一下|关于|的|吧|"
                   r"\b(quiz|test|me|on|about|questions?|give|please|pls|some|a|few|\d+)\b", " ", text, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", topic).strip(" ,，。.?？")


def pending_from(history: list[Turn]) -> dict | None:
    """The change the bot's last message asked the person to confirm, if that was its last message."""
    for turn in reversed(history):
        if turn.role == "assistant":
            return json.loads(turn.pending) if turn.pending else None
    return None


def _previous_user_turn(history: list[Turn]) -> Turn | None:
    """The person's last message before this one."""
    return next((t for t in reversed(history) if t.role == "user"), None)

