"""Play conversation scripts through a ChatService (offline, or whatever `make_service` builds) and score them:
a conversation is right only when every turn is right."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime

from bot.messages import IncomingMessage
from eval.conversations.checks import check_turn
from eval.conversations.world import World, Worlds


def offline_service(world: World):
    """The product's ChatService in offline mode over this world's parts (the default `make_service`)."""
    from bot.assembly import assemble_chat_service

    return assemble_chat_service(world.hr, world.index, world.engine)


def run_scripts(scripts: list[dict], worlds: Worlds, make_service: Callable[[World], object] = offline_service) -> dict:
    """Score every script in a fresh world; returns the summary and per-conversation detail."""
    conversations, latencies = [], []
    for script in scripts:
        now = datetime.fromisoformat(script["now"]) if script.get("now") else None
        with worlds.fresh(now) as world:
            conversations.append(_play(script, world, make_service(world), latencies))
    return summarise(conversations, latencies)


def _play(script: dict, world: World, service, latencies: list[float]) -> dict:
    """One conversation, turn by turn; a button press uses the buttons of the previous reply."""
    channel = script.get("channel", "web")
    thread = f"conv-{script['id']}"
    who = script["as"]
    turns, previous = [], None
    for turn in script["turns"]:
        message = _message(turn, who, channel, thread, previous)
        started = time.perf_counter()
        reply = service.handle(message)
        latencies.append((time.perf_counter() - started) * 1000)
        quiz_open = service.deps.quiz_sessions.current(channel, thread, who) is not None
        failures = check_turn(turn["expect"], reply, script["lang"], world.proper_names, quiz_open, world.quotes)
        turns.append({"say": turn.get("say"), "press": turn.get("press"), "expect": turn["expect"], "ok": not failures,
                      "failures": failures, "got": {"act": reply.act, "subject": reply.subject,
                                                    "tools": [t.name for t in reply.tools], "text": reply.text}})
        previous = reply
    return {"id": script["id"], "lang": script["lang"], "as": who, "covers": script.get("covers", []),
            "ok": all(t["ok"] for t in turns), "turns": turns}


def _message(turn: dict, who: str, channel: str, thread: str, previous) -> IncomingMessage:
    """A typed message, or a button press carrying the value of the matching button of the previous reply."""
    if "say" in turn:
        return IncomingMessage(employee_id=who, text=turn["say"], channel=channel, thread_id=thread)
    press = turn["press"]
    actions = list(previous.actions) if previous is not None else []
    if press.startswith("option:"):
        options = [a for a in actions if a.kind == "quiz_answer"]
        index = int(press.split(":", 1)[1]) - 1
        value = options[index].value if 0 <= index < len(options) else {"answer": "ABCD"[index % 4]}
        return IncomingMessage(employee_id=who, text="", channel=channel, thread_id=thread,
                               action={"kind": "quiz_answer", "value": value})
    button = next((a for a in actions if a.kind == press), None)
    return IncomingMessage(employee_id=who, text="", channel=channel, thread_id=thread,
                           action={"kind": press, "value": button.value if button else {}})


def summarise(conversations: list[dict], latencies: list[float]) -> dict:
    """Share of conversations fully right, by language and by covered behaviour, turn accuracy per act, latency."""
    def share(rows: list[bool]) -> dict:
        """n, right and the share right."""
        return {"n": len(rows), "right": sum(rows), "share": round(sum(rows) / len(rows), 4) if rows else None}

    by_lang, by_cover, by_act = defaultdict(list), defaultdict(list), defaultdict(list)
    for conversation in conversations:
        by_lang[conversation["lang"]].append(conversation["ok"])
        for cover in conversation["covers"]:
            by_cover[cover].append(conversation["ok"])
        for turn in conversation["turns"]:
            by_act[turn["expect"]["act"]].append(turn["ok"])
    ordered = sorted(latencies)
    return {
        "conversations": share([c["ok"] for c in conversations]),
        "turns": share([t["ok"] for c in conversations for t in c["turns"]]),
        "by_lang": {k: share(v) for k, v in sorted(by_lang.items())},
        "by_cover": {k: share(v) for k, v in sorted(by_cover.items())},
        "by_act": {k: share(v) for k, v in sorted(by_act.items())},
        "turn_ms": {"p50": round(ordered[len(ordered) // 2], 1) if ordered else None,
                    "p95": round(ordered[int(0.95 * (len(ordered) - 1))], 1) if ordered else None},
        "detail": conversations,
    }
