"""Score the offline intent router on the labelled utterances: accuracy per intent, slots included."""

from __future__ import annotations

import json
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

from bot.routing.catalog import Catalog, CourseName, DepartmentName
from bot.routing.examples import training_examples
from bot.routing.router import IntentRouter
from eval.routing.dedupe import split_duplicates

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
             encoder=None, dedupe: bool = True) -> dict:
    """Intent accuracy and exact-slot accuracy per intent and overall, with the misses listed.

    encoder: a bot.routing.semantic.QueryEncoder for meaning-level matching, as in the product; None routes on
    character n-grams only (as when the embedder is down). dedupe: first drop lines that copy a training line."""
    files = utterances if isinstance(utterances, list) else [utterances]
    catalog, today = load_catalog(catalog_file)
    router = IntentRouter(catalog, encoder=encoder)
    per_intent: dict[str, dict[str, int]] = defaultdict(lambda: {"n": 0, "intent_ok": 0, "exact_ok": 0})
    misses, timings = [], []
    rows = [r for path in files for r in load_utterances(path)]
    dropped: list[dict] = []
    if dedupe:
        rows, dropped = split_duplicates(rows, [t for texts in training_examples().values() for t in texts])
    for row in rows:
        started = time.perf_counter()
        routed = router.route(row["text"], today)
        timings.append((time.perf_counter() - started) * 1000)
        expected_slots = row.get("slots", {})
        got_slots = labelled_slots(routed.intent, routed.slots)
        intent_ok = routed.intent == row["intent"]
        exact_ok = intent_ok and got_slots == expected_slots
        stats = per_intent[row["intent"]]
        stats["n"] += 1
        stats["intent_ok"] += intent_ok
        stats["exact_ok"] += exact_ok
        if not exact_ok:
            misses.append({"text": row["text"], "expected": row["intent"], "expected_slots": expected_slots,
                           "got": routed.intent, "got_slots": got_slots})
    total = sum(s["n"] for s in per_intent.values())
    timings.sort()
    return {
        "n": total,
        "dropped_as_training_duplicates": len(dropped),
        "files": [p.name for p in files],
        "intent_accuracy": round(sum(s["intent_ok"] for s in per_intent.values()) / total, 4),
        "exact_accuracy": round(sum(s["exact_ok"] for s in per_intent.values()) / total, 4),
        "per_intent": {intent: {"n": s["n"], "intent_accuracy": round(s["intent_ok"] / s["n"], 4),
                                "exact_accuracy": round(s["exact_ok"] / s["n"], 4)}
                       for intent, s in sorted(per_intent.items())},
        "latency_ms_p95": round(timings[int(0.95 * (len(timings) - 1))], 3),
        "misses": misses,
        "dropped": dropped,
    }


# The slots each intent was labelled with when the sets were written (the router's slot schema then); slots added
# since (only, topic, a course named in a policy question, ...) were never labelled, so they are not compared.
LABELLED_SLOTS = {
    "enroll": ("course",), "generate_quiz": ("course", "n"), "nudge_team": ("course",),
    "team_progress": ("course", "period", "department"), "my_progress": ("course", "period", "employee"),
    "completion_report": ("course", "period", "department", "by"), "explain_kpi": ("period", "department", "employee"),
    "grade_answer": ("answer",),
}


def labelled_slots(intent: str, slots: dict) -> dict:
    """The router's slots restricted to the ones the labels define for that intent."""
    keep = LABELLED_SLOTS.get(intent, ())
    return {k: v for k, v in slots.items() if k in keep}
