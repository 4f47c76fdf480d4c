"""Offline turn latency: every labelled routing utterance as one ChatService turn (no LLM), real services and index.

Target: p95 < 300 ms after warm-up. Run: `.venv/bin/python -m eval.benchmarks.bot_offline_latency`
(writes eval/results/bot_offline_latency.json).
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from collections import defaultdict

from eval.benchmarks.bot_common import percentile, sample_world, write_result
from eval.routing.evaluate import load_utterances

TARGET_P95_MS = 300.0
# Who asks each kind of question: a sales learner, their manager, a training specialist.
ASKER = {"team_progress": "E0054", "nudge_team": "E0054", "completion_report": "E0165"}
LEARNER = "E0056"


def run(rounds: int = 2) -> dict:
    """Time each utterance `rounds` times in fresh threads; the first pass over a few messages warms caches."""
    from bot.assembly import assemble_chat_service
    from bot.messages import IncomingMessage

    utterances = load_utterances()
    with sample_world() as (hr, index, engine):
        chat = assemble_chat_service(hr, index, engine)
        for warm in ("年假有几天？", "how do I report phishing?", "我的学习进度"):
            chat.handle(IncomingMessage(employee_id=LEARNER, text=warm, thread_id="warm"))
        timings: dict[str, list[float]] = defaultdict(list)
        modes = set()
        for round_number in range(rounds):
            for number, row in enumerate(utterances):
                who = ASKER.get(row["intent"], LEARNER)
                message = IncomingMessage(employee_id=who, text=row["text"], thread_id=f"b{round_number}-{number}")
                started = time.perf_counter()
                reply = chat.handle(message)
                timings[row["intent"]].append((time.perf_counter() - started) * 1000)
                modes.add(reply.mode)
    everything = [t for values in timings.values() for t in values]
    p95 = percentile(everything, 95)
    return {
        "turns": len(everything), "modes": sorted(modes),
        "latency_ms_p50": round(percentile(everything, 50), 1), "latency_ms_p95": round(p95, 1),
        "latency_ms_max": round(max(everything), 1), "target_p95_ms": TARGET_P95_MS, "meets_target": p95 < TARGET_P95_MS,
        "per_intent_p95_ms": {k: round(percentile(v, 95), 1) for k, v in sorted(timings.items())},
        "machine": {"python": platform.python_version(), "processor": platform.machine(), "cpus": os.cpu_count(),
                    "load_average_1m_at_end": round(os.getloadavg()[0], 2)},
    }


def main() -> None:
    """Run and write the result."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=2)
    result = run(parser.parse_args().rounds)
    print(write_result("bot_offline_latency", result))
    print({k: result[k] for k in ("turns", "latency_ms_p50", "latency_ms_p95", "meets_target")})


if __name__ == "__main__":
    main()
