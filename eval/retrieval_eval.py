"""`mentor eval retrieval`: recall@k, MRR@10, nDCG@10 and latency for bm25, dense and hybrid."""

from __future__ import annotations

import time
from collections.abc import Sequence

from eval.metrics import first_hit_rank, ndcg, percentile
from eval.questions import GoldQuestion
from retrieval.language import detect_language
from retrieval.types import Audience

MODES = ("bm25", "dense", "hybrid")


def evaluate_retrieval(index, questions: Sequence[GoldQuestion], k: int = 5,
                       audience: Audience | None = None) -> dict[str, dict]:
    """Score every mode on the answerable questions; a hit is a chunk whose source is a gold source."""
    answerable = [q for q in questions if q.expect == "answer"]
    audience = audience or Audience.of("all")
    results: dict[str, dict] = {}
    for mode in MODES:
        index.search("warm up", audience=audience, k=k, mode=mode)
        hits = 0
        reciprocal = 0.0
        gains = 0.0
        latencies: list[float] = []
        misses: list[str] = []
        by_language: dict[str, list[int]] = {}
        by_slice: dict[str, list[int]] = {}
        for question in answerable:
            index.clear_query_cache()  # each question embedded afresh; lexicon entries are kept once met
            started = time.perf_counter()
            passages = index.search(question.question, audience=question.reader(audience), k=max(k, 10), mode=mode)
            latencies.append((time.perf_counter() - started) * 1000)
            sources = [p.source for p in passages]
            gold = set(question.gold_sources)
            rank = first_hit_rank(sources, gold)
            language = detect_language(question.question)
            by_language.setdefault(language, [0, 0])[1] += 1
            for name in question.slices():
                by_slice.setdefault(name, [0, 0])[1] += 1
            if rank is not None and rank <= k:
                hits += 1
                by_language[language][0] += 1
                for name in question.slices():
                    by_slice[name][0] += 1
            else:
                misses.append(question.id)
            if rank is not None and rank <= 10:
                reciprocal += 1.0 / rank
            gains += ndcg(sources, gold, 10)
        n = max(len(answerable), 1)
        results[mode] = {
            "recall_at_k": round(hits / n, 4), "mrr_at_10": round(reciprocal / n, 4),
            "ndcg_at_10": round(gains / n, 4), "latency_ms_p50": round(percentile(latencies, 50), 2),
            "latency_ms_p95": round(percentile(latencies, 95), 2), "questions": len(answerable), "k": k,
            "recall_at_k_by_language": {lang: round(h / n_lang, 4) for lang, (h, n_lang) in sorted(by_language.items())},
            "recall_at_k_by_slice": {name: {"recall": round(h / n_s, 4), "questions": n_s}
                                     for name, (h, n_s) in sorted(by_slice.items())},
            "missed_ids": misses,
        }
    return results

