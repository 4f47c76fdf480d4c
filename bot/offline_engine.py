"""The offline engine: the learned router picks a registry tool, the dialogue state fills what the message leaves
out, and the tool runs through the caller-bound toolkit; no language model involved."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.dialogue.acknowledge import acknowledgement_reply, bare_acknowledgement
from bot.dialogue.candidates import AMONG, chosen_candidate, listed
from bot.dialogue.people import apply_named_person, named_people, which_one
from bot.dialogue.resolve import Resolved, announce_for, resolve
from bot.dialogue.state import DialogueState
from bot.help_text import help_text, short_help
from bot.present.scope import scope_change
from bot.routing import intents as I
from bot.routing.router import IntentRouter
from bot.tools import registry
from bot.tools.common import clarify
from bot.tools.result import ToolResult
from bot.tools.toolkit import Toolkit


@dataclass
class EngineReply:
    """What the engine decided to say, which intent it served and which tool results back it."""

    intent: str
    text: str
    results: list[ToolResult] = field(default_factory=list)
    standalone: str = ""
    act: str = ""  # set when no tool result says what the turn did (help, cancelled)
    abstained_override: bool | None = None  # LLM mode: the grounding rule's verdict on abstention
    resume_actions: list = field(default_factory=list)  # the open quiz's buttons, shown again after a side question


class OfflineEngine:
    """Router plus dialogue state, calling the same registry tools the LLM agent calls."""

    def __init__(self, router: IntentRouter):
        """Keep the router (built once from the organisation's catalog)."""
        self.router = router

    def understand(self, toolkit: Toolkit, text: str, state: DialogueState,
                   asks: bool = False, names: list[str] | None = None) -> tuple[Resolved, bool]:
        """The tool and arguments this message asks for, and whether the router was sure. asks: the front read it
        as a question asked mid-quiz, so it is never graded as an answer (a question naming a letter is still one);
        names: the people's names already found in the text this turn (an empty list spares the second lookup)."""
        ctx = toolkit.ctx
        if chosen := chosen_candidate(state, text, self.router.catalog):  # "销售部那个" after "which 王军?"
            slots = {k: v for k, v in state.args.items() if k != AMONG} | {"employee": chosen}
            return Resolved(state.intent, slots, text.strip(), follow_up=True), True
        people = named_people(toolkit.deps.hr, ctx.caller, text) if names is None or names else []
        routed = self._route(text, people, ctx.today)
        if asks and routed.intent == I.GRADE_ANSWER:
            routed = I.Routed(I.SEARCH_KNOWLEDGE, self.router.slots_for(I.SEARCH_KNOWLEDGE, text, ctx.today),
                              routed.confidence, True, routed.best)
        resolved = resolve(routed, text, state, ctx.caller, self.router, ctx.today)
        if people:
            resolved.candidates = apply_named_person(resolved, people, ctx.caller, text, self.router, ctx.today, state)
            resolved.announce = announce_for(resolved, state)
        return resolved, routed.confident

    def _route(self, text: str, people: list, today) -> I.Routed:
        """The router's reading; a colleague named by name is read as the id it stands for ("Enroll 林悦 in …" as
        "Enroll E0146 in …"): the classifier learned requests about people from ids, and a name in the other script
        only blurs it. The slots still come from the message as written (the person is filled in from the names)."""
        routed = self.router.route(text, today)
        if not people or (routed.confident and routed.intent != I.SEARCH_KNOWLEDGE):
            return routed
        masked = text
        for person in people:
            if person.candidates:
                masked = masked.replace(person.name, f" {person.candidates[0].id} ")
        by_id = self.router.route(masked, today)
        if masked == text or not by_id.confident or by_id.intent in (I.SEARCH_KNOWLEDGE, I.HELP) \
                or by_id.confidence <= routed.confidence:
            return routed
        return I.Routed(by_id.intent, self.router.slots_for(by_id.intent, text, today), by_id.confidence, True,
                        by_id.best)

    def respond(self, toolkit: Toolkit, text: str, state: DialogueState,
                understood: tuple[Resolved, bool] | None = None) -> EngineReply:
        """Answer one routed message (the deterministic front has already handled buttons, confirmations, quizzes)."""
        resolved, _confident = understood or self.understand(toolkit, text, state)
        ctx = toolkit.ctx
        if bare_acknowledgement(text):  # a yes with nothing pending (the front confirms pending changes)
            return EngineReply(I.HELP, acknowledgement_reply(state, ctx.language), standalone=text, act="clarify")
        if resolved.intent == I.HELP:
            return EngineReply(I.HELP, help_text(ctx.language, ctx.caller.role), standalone=text, act="help")
        tool = registry.get(resolved.intent)
        if tool is None:
            return EngineReply(I.HELP, help_text(ctx.language, ctx.caller.role), standalone=text, act="help")
        args = {k: v for k, v in resolved.slots.items() if k in tool.args.model_fields}
        if resolved.needs_person:
            result = clarify(resolved.intent, args, "你说的是哪位同事？请告诉我工号，例如 E0013。",
                             "Who do you mean? Tell me their employee id, e.g. E0013.", ctx)
            toolkit.calls.append(result)
            return EngineReply(resolved.intent, result.text, [result], resolved.standalone)
        if resolved.needs_course:  # "这门课…" with no course named in the thread: which one?
            result = clarify(resolved.intent, {"question": resolved.standalone},
                             "你问的是哪门课？请告诉我课程名称或代码，例如“合规与商业道德”或 CMP-101。",
                             "Which course do you mean? Tell me its title or code, e.g. \"Compliance and Business "
                             "Ethics\" or CMP-101.", ctx)
            toolkit.calls.append(result)
            return EngineReply(resolved.intent, result.text, [result], resolved.standalone)
        if resolved.candidates:
            zh, en = which_one(resolved.candidates, self.router.catalog.department_names)
            result = clarify(resolved.intent, {**args, AMONG: listed(resolved.candidates)}, zh, en, ctx)
            toolkit.calls.append(result)
            return EngineReply(resolved.intent, result.text, [result], resolved.standalone)
        if resolved.intent == I.SEARCH_KNOWLEDGE:
            args["question"] = resolved.standalone
        result = toolkit.run(resolved.intent, **args)
        if resolved.intent == I.SEARCH_KNOWLEDGE and (result.abstained or not result.citations):
            result = _another_reading(toolkit, args, resolved, result)  # (a catalogue fact alone cites no page)
        reply = EngineReply(resolved.intent, result.text, [result], resolved.standalone)
        if resolved.announce and result.ok:
            reply.text = scope_change(resolved.announce, toolkit.deps, ctx) + "\n" + reply.text
        if resolved.intent == I.SEARCH_KNOWLEDGE and result.abstained:
            reply.text += "\n\n" + short_help(ctx.language, ctx.caller.role)  # nothing found: say what else it can do
        return reply


def _another_reading(toolkit: Toolkit, args: dict, resolved: Resolved, found: ToolResult) -> ToolResult:
    """Nothing found for the standalone question: try its other readings; the first that finds a cited passage
    replaces it (the empty search is dropped from the turn), else the first result stands."""
    for reading in resolved.alternatives:
        retry = toolkit.run(I.SEARCH_KNOWLEDGE, **{**args, "question": reading})
        if not retry.abstained and retry.citations:
            toolkit.calls.remove(found)
            resolved.standalone = reading
            return retry
        toolkit.calls.remove(retry)
    return found
