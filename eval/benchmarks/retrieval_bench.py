"""Retrieval benchmark: ingestion throughput, hybrid/dense/bm25 query latency and peak memory at N chunks.

Run: .venv/bin/python -m eval.benchmarks.retrieval_bench --chunks 10000 --embedder minilm
Results go to eval/results/retrieval_bench_<chunks>_<embedder>.json."""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path

from eval.benchmarks.synthetic_corpus import queries, write_corpus
from eval.metrics import percentile

RESULTS = Path(__file__).resolve().parents[1] / "results"


def run(chunks: int, embedder_kind: str, query_count: int = 200) -> dict:
    """Build a fresh index over a synthetic corpus and time everything."""
    from adapters.settings import load_settings
    from adapters.wiring import build_index
    from knowledge.ingest import Ingestor
    from retrieval.types import Audience

    work = Path(tempfile.mkdtemp(prefix="mentor-bench-"))
    try:
        settings = load_settings(home=work / "home")
        settings.retrieval.embedder = embedder_kind
        files = write_corpus(work / "corpus", chunks)
        index = build_index(settings)
        started = time.perf_counter()
        report = Ingestor(index).ingest([work / "corpus"])
        index.warm_translations()  # as `mentor ingest` does
        ingest_s = time.perf_counter() - started
        audience = Audience.of("all")
        result = {"chunks_requested": chunks, "files": files, "chunks_indexed": report.chunks,
                  "embedder": index.embedder.name, "ingest_seconds": round(ingest_s, 1),
                  "ingest_chunks_per_s": round(report.chunks / ingest_s, 1), "cpu_count": os.cpu_count()}
        for mode in ("bm25", "dense", "hybrid"):
            index.search("warm up", audience, 5, mode)
            latencies = []
            for text in queries(query_count):
                index.clear_query_cache()  # the question embedded afresh
                t0 = time.perf_counter()
                index.search(text, audience, 5, mode)
                latencies.append((time.perf_counter() - t0) * 1000)
            result[mode] = {"latency_ms_p50": round(percentile(latencies, 50), 2),
                            "latency_ms_p95": round(percentile(latencies, 95), 2),
                            "latency_ms_max": round(max(latencies), 2), "queries": len(latencies)}
        result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        index.close()
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    """CLI entry: one size and embedder per run (each in its own process, so peak memory is per run)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chunks", type=int, default=10000)
    parser.add_argument("--embedder", default="minilm")
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    result = run(args.chunks, args.embedder, args.queries)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"retrieval_bench_{args.chunks}_{args.embedder}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
