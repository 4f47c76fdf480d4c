"""Character n-gram cosine similarity to example utterances: tolerant of typos and of Chinese without spaces."""

from __future__ import annotations

import math
import re
from collections import Counter

_SPACE = re.compile(r"\s+")


def ngrams(text: str) -> Counter[str]:
    """Character 1-3 grams of the normalised text (spaces kept as word boundaries)."""
    text = " " + _SPACE.sub(" ", text.lower().strip()) + " "
    grams: Counter[str] = Counter()
    for size in (1, 2, 3):
        for i in range(len(text) - size + 1):
            gram = text[i:i + size]
            if gram.strip():
                grams[gram] += 1
    return grams


class ExampleMatcher:
    """Finds, per intent, the highest cosine similarity between a message and that intent's examples."""

    def __init__(self, examples: dict[str, list[str]]):
        """Vectorise every example once, with idf weights so shared filler characters count less."""
        self._rows: list[tuple[str, Counter[str]]] = [(intent, ngrams(u)) for intent, us in examples.items() for u in us]
        documents = len(self._rows)
        frequency: Counter[str] = Counter()
        for _, grams in self._rows:
            frequency.update(grams.keys())
        self._idf = {g: math.log((1 + documents) / (1 + df)) + 1 for g, df in frequency.items()}
        self._vectors = [(intent, self._weigh(grams)) for intent, grams in self._rows]

    def _weigh(self, grams: Counter[str]) -> tuple[dict[str, float], float]:
        """tf-idf weights and the vector's norm."""
        weights = {g: c * self._idf.get(g, 1.0) for g, c in grams.items()}
        return weights, math.sqrt(sum(w * w for w in weights.values())) or 1.0

    def best_per_intent(self, text: str) -> dict[str, float]:
        """Cosine similarity (0-1) of the closest example of each intent."""
        query, query_norm = self._weigh(ngrams(text))
        best: dict[str, float] = {}
        for intent, (weights, norm) in self._vectors:
            dot = sum(w * weights.get(g, 0.0) for g, w in query.items())
            score = dot / (query_norm * norm)
            if score > best.get(intent, 0.0):
                best[intent] = score
        return best
