"""Offline turn latency: every labelled routing utterance, plus requests for the tools added in issue 11 (catalogue,
sessions, withdraw, analytics, acting for others), as one ChatService turn each (no LLM), real services and index.

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
# The tools the blind routing set predates, asked by the people who would ask them.
NEWER_TOOLS = [
    ("E0096", "what courses can I sign up for?"), ("E0018", "我能报名哪些课程？"),
    ("E0020", "When's my secure development workshop, and where?"), ("E0018", "安全开发进阶什么时候上课？"),
    ("E0018", "我想退掉数据分析基础"), ("E0018", "drop me from Data Analysis Basics"),
    ("E0165", "各课程的满意度怎么样"), ("E0165", "how satisfied are learners with each course?"),
    ("E0165", "哪些课程需要重新设计"), ("E0165", "which courses should we promote?"),
    ("E0165", "信息安全基础的柯氏四级评估"), ("E0165", "Kirkpatrick results for SEC-101"),
    ("E0165", "本季度培训专员的KPI"), ("E0165", "training specialist KPIs this quarter"),
    ("E0170", "enroll E0013 in AI-101"), ("E0170", "给研发部所有人报名信息安全基础"),
    ("E0002", "Show me the KPI for my department"), ("E0002", "我们部门谁落后了"),
    ("E0054", "nudge E0058"), ("E0003", "研发部的完成率是多少"),
]


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
            for number, (who, text) in enumerate(NEWER_TOOLS):
                message = IncomingMessage(employee_id=who, text=text, thread_id=f"n{round_number}-{number}")
                started = time.perf_counter()
                reply = chat.handle(message)
                timings[f"(issue 11) {reply.act}"].append((time.perf_counter() - started) * 1000)
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
