"""The learned intent classifier: the average of two logistic regressions, one over multilingual-e5 embeddings (meaning)
and one over character n-grams (surface form); the n-gram half alone when the embedder is down."""

from __future__ import annotations

import logging

from bot.routing.ngram_model import NgramModel
from bot.routing.semantic import MeaningClassifier, QueryEncoder, example_pairs, examples_digest

log = logging.getLogger(__name__)


class IntentClassifier:
    """Per intent, the probability that a message asks for it."""

    def __init__(self, examples: dict[str, list[str]], encoder: QueryEncoder | None = None):
        """Fit (or load) both halves; without an encoder, or when it cannot embed the examples, n-grams only."""
        pairs = example_pairs(examples)
        self._ngrams = NgramModel(pairs, examples_digest(pairs))
        self._meaning: MeaningClassifier | None = None
        if encoder is not None:
            try:
                self._meaning = MeaningClassifier(encoder, examples)
            except Exception as exc:  # the embedder is down at start: route on n-grams until restart
                log.warning("routing without embeddings: the examples could not be embedded (%s)", exc)

    @property
    def labels(self) -> list[str]:
        """The intents it chooses among."""
        return self._ngrams.classes

    def probabilities(self, text: str) -> dict[str, float]:
        """Probability per intent; the two halves averaged when the embedder answers for this message."""
        surface = self._ngrams.probabilities(text)
        meaning = self._meaning.probabilities(text) if self._meaning is not None else {}
        if not meaning:
            return surface
        return {label: (surface.get(label, 0.0) + meaning.get(label, 0.0)) / 2 for label in surface}
