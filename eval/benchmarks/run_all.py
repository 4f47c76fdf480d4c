"""`make bench`: every benchmark in its own process, the machine's load beside each, then one summary.

The default set takes about 30 minutes on the 2-core machine (eval/results/bench_run.json records each run's
duration). `--full` adds the 10k and 100k-chunk MiniLM index builds (about 45 minutes more; their last results
stay in eval/results/ and in the summary until re-run). The summary (eval/results/summary.md, summary.png and the
README's Benchmarks table) is rebuilt from the result files at the end: `python -m eval.benchmarks.summary`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

from eval.benchmarks.machine import RESULTS, load_snapshot

REDIS = os.environ.get("MENTOR_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
POSTGRES = os.environ.get("MENTOR_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")

BENCHMARKS = [
    ["eval.benchmarks.embed_threads"],
    ["eval.benchmarks.ingest_throughput", "--compare"],
    ["eval.benchmarks.query_under_load"],
    ["eval.benchmarks.embedder_recall"],
    ["eval.benchmarks.deploy_load"],
    ["eval.benchmarks.hr_scale", "--skip-sqlite", "--postgres", POSTGRES],
    ["eval.benchmarks.name_lookup"],
    ["eval.benchmarks.bot_offline_latency"],
    ["eval.benchmarks.bot_quiz_validity"],
    ["eval.benchmarks.channel_slack_ack", "--redis", REDIS],
    ["eval.benchmarks.channel_slack_retries"],
    ["eval.benchmarks.channel_wecom_split"],
]
FULL_ONLY = [
    ["eval.benchmarks.retrieval_bench", "--chunks", "10000", "--embedder", "minilm"],
    ["eval.benchmarks.retrieval_bench", "--chunks", "100000", "--embedder", "minilm"],
]


def main() -> int:
    """Run them in order, record time and load per run, rebuild the summary; non-zero exit if any failed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--full", action="store_true", help="also the MiniLM 10k/100k index builds (~45 min more)")
    parser.add_argument("--only", nargs="*", default=None, help="module names to run (e.g. deploy_load)")
    args = parser.parse_args()
    chosen = BENCHMARKS + (FULL_ONLY if args.full else [])
    if args.only:
        chosen = [b for b in chosen if b[0].rsplit(".", 1)[-1] in args.only]
    runs, failed = [], []
    started_all = time.monotonic()
    for bench in chosen:
        print(f"== {' '.join(bench)}", flush=True)
        before = load_snapshot()
        started = time.monotonic()
        code = subprocess.run([sys.executable, "-m", *bench], check=False).returncode
        runs.append({"benchmark": " ".join(bench), "exit_code": code, "seconds": round(time.monotonic() - started),
                     "load_before": before, "load_after": load_snapshot()})
        if code != 0:
            failed.append(bench[0])
    RESULTS.mkdir(parents=True, exist_ok=True)
    record = RESULTS / "bench_run.json"
    earlier = json.loads(record.read_text(encoding="utf-8"))["runs"] if record.exists() else []
    ran = {r["benchmark"] for r in runs}
    kept = [r for r in earlier if r["benchmark"] not in ran]  # a partial run keeps the others' last record
    record.write_text(json.dumps({"last_run_seconds": round(time.monotonic() - started_all), "runs": kept + runs},
                                 indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    from eval.benchmarks.summary import main as summarise

    summarise()
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    from retrieval.embedders.threads import limit_native_threads

    limit_native_threads()
    sys.exit(main())
