"""Score the offline intent router on the labelled utterances: accuracy per intent, slots included."""

from __future__ import annotations

import json
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

from bot.routing.catalog import Catalog, CourseName, DepartmentName
from bot.routing.router import IntentRouter

HERE = Path(__file__).parent
DEFAULT_UTTERANCES = HERE / "blind_test8.jsonl"
ALL_SETS = [HERE / "blind_test7.jsonl", DEFAULT_UTTERANCES]  # held out: never in the router's training data
DEFAULT_CATALOG = HERE / "catalog.json"


def load_catalog(path: Path = DEFAULT_CATALOG) -> tuple[Catalog, date]:
    """The sample organisation's courses and departments, and the fixed "today" the labels assume."""
    data = json.loads(path.read_text(encoding="utf-8"))
    catalog = Catalog([CourseName(**c) for c in data["courses"]], [DepartmentName(**d) for d in data["departments"]])
    return catalog, date.fromisoformat(data["today"])


def load_utterances(path: Path = DEFAULT_UTTERANCES) -> list[dict]:
    """One labelled utterance per line: {"text", "intent", "slots"}."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not JSON ({exc.msg}); fix the line") from exc
    return rows


def evaluate(utterances: Path | list[Path] = DEFAULT_UTTERANCES, catalog_file: Path = DEFAULT_CATALOG,
             encoder=None) -> dict:
    """Intent accuracy and exact-slot accuracy per intent and overall, with the misses listed.

    encoder: a bot.routing.semantic.QueryEncoder for meaning-level matching, as in the product; None routes on cue
    phrases and n-grams only."""
    files = utterances if isinstance(utterances, list) else [utterances]
    catalog, today = load_catalog(catalog_file)
    router = IntentRouter(catalog, encoder=encoder)
    per_intent: dict[str, dict[str, int]] = defaultdict(lambda: {"n": 0, "intent_ok": 0, "exact_ok": 0})
    misses, timings = [], []
    for row in (r for path in files for r in load_utterances(path)):
        started = time.perf_counter()
        routed = router.route(row["text"], today)
        timings.append((time.perf_counter() - started) * 1000)
        expected_slots = row.get("slots", {})
        intent_ok = routed.intent == row["intent"]
        exact_ok = intent_ok and routed.slots == expected_slots if row["intent"] == "completion_report" else (
            intent_ok and {k: v for k, v in routed.slots.items() if k != "by"} == expected_slots)
        stats = per_intent[row["intent"]]
        stats["n"] += 1
        stats["intent_ok"] += intent_ok
        stats["exact_ok"] += exact_ok
        if not exact_ok:
            misses.append({"text": row["text"], "expected": row["intent"], "expected_slots": expected_slots,
                           "got": routed.intent, "got_slots": routed.slots})
    total = sum(s["n"] for s in per_intent.values())
    timings.sort()
    return {
        "n": total,
        "intent_accuracy": round(sum(s["intent_ok"] for s in per_intent.values()) / total, 4),
        "exact_accuracy": round(sum(s["exact_ok"] for s in per_intent.values()) / total, 4),
        "per_intent": {intent: {"n": s["n"], "intent_accuracy": round(s["intent_ok"] / s["n"], 4),
                                "exact_accuracy": round(s["exact_ok"] / s["n"], 4)}
                       for intent, s in sorted(per_intent.items())},
        "latency_ms_p95": round(timings[int(0.95 * (len(timings) - 1))], 3),
        "misses": misses,
    }
