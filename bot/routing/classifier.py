"""The learned intent classifier: logistic regressions over character n-grams (surface form) and over sentence
embeddings (meaning), averaged. Surface and meaning count half each; the meaning half is the mean of the regressions
over multilingual-e5 (the knowledge index's embedder) and over the bundled multilingual USE (chosen by leave-one-set-out
cross-validation, eval/routing/README.md). Whatever embedder is down drops out; the n-gram half alone when both are."""

from __future__ import annotations

import logging

from bot.routing.ngram_model import NgramModel
from bot.routing.semantic import MeaningClassifier, QueryEncoder, bundled_encoder, example_pairs, examples_digest

log = logging.getLogger(__name__)


class IntentClassifier:
    """Per intent, the probability that a message asks for it."""

    def __init__(self, examples: dict[str, list[str]], encoder: QueryEncoder | None = None,
                 second_encoder: QueryEncoder | None = None):
        """Fit (or load) the n-gram model and one meaning model per encoder; without an encoder, n-grams only.
        second_encoder: defaults to the bundled USE encoder whenever an encoder is given."""
        pairs = example_pairs(examples)
        self._ngrams = NgramModel(pairs, examples_digest(pairs))
        self._meanings: list[MeaningClassifier] = []
        if encoder is None:
            return
        second = second_encoder or bundled_encoder()
        for each in (encoder, second):
            if each is None or (each is second and each.encoder_name == encoder.encoder_name):
                continue
            try:
                self._meanings.append(MeaningClassifier(each, examples))
            except Exception as exc:  # the embedder is down at start: route without it until restart
                log.warning("routing without %s: the examples could not be embedded (%s)", each.encoder_name, exc)

    @property
    def labels(self) -> list[str]:
        """The intents it chooses among."""
        return self._ngrams.classes

    def probabilities(self, text: str) -> dict[str, float]:
        """Probability per intent: the n-gram half and the meaning half (the mean of the encoders that answer for this
        message) averaged; n-grams alone when none answers."""
        surface = self._ngrams.probabilities(text)
        meanings = [m for m in (each.probabilities(text) for each in self._meanings) if m]
        if not meanings:
            return surface
        return {label: (surface.get(label, 0.0) + sum(m.get(label, 0.0) for m in meanings) / len(meanings)) / 2
                for label in surface}
