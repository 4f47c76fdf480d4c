"""Meaning-level routing: a logistic-regression classifier over multilingual-e5 embeddings of labelled messages.

Cue phrases and character n-grams miss paraphrases that share no words with any example ("组里谁拖后腿了",
"anything still open on my plate?"); a sentence embedding with a classifier trained on ~1,600 labelled Chinese and
English messages places them by meaning. Trained once per process and embedder (a second or two, after the
examples' vectors are cached)."""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Sequence
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)

_REGULARISATION = 10.0  # inverse L2 strength; chosen by leave-one-set-out accuracy over the labelled sets
_MEMO: dict[tuple[str, str], tuple[object, list[str]]] = {}  # (encoder, examples digest) -> (model, classes)
_MEMO_LOCK = threading.Lock()


class QueryEncoder(Protocol):
    """What the classifier needs from an embedder (KnowledgeIndex provides it, with its persistent cache)."""

    encoder_name: str

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised query vectors, shape (n, dim)."""
        ...

    def query_vector(self, text: str) -> np.ndarray:
        """One L2-normalised query vector."""
        ...


class MeaningClassifier:
    """Per intent, the probability that a message asks for it, judged from its embedding."""

    def __init__(self, encoder: QueryEncoder, examples: dict[str, list[str]]):
        """Embed the examples and fit the model once per process and encoder; raises if the embedder fails."""
        from sklearn.linear_model import LogisticRegression

        self._encoder = encoder
        pairs = [(intent, text) for intent, texts in examples.items() for text in texts]
        digest = hashlib.sha1("\n".join(f"{i}\t{t}" for i, t in pairs).encode("utf-8")).hexdigest()
        key = (encoder.encoder_name, digest)
        with _MEMO_LOCK:
            if key not in _MEMO:
                vectors = np.asarray(encoder.embed_queries([text for _, text in pairs]), dtype=np.float32)
                model = LogisticRegression(C=_REGULARISATION, max_iter=2000)
                model.fit(vectors, [intent for intent, _ in pairs])
                _MEMO[key] = (model, [str(c) for c in model.classes_])
            self._model, self._classes = _MEMO[key]

    def probabilities(self, text: str) -> dict[str, float]:
        """Probability of each intent (summing to 1); {} when the embedder fails for this message."""
        try:
            query = np.asarray(self._encoder.query_vector(text), dtype=np.float32).reshape(1, -1)
        except Exception as exc:  # an embedding endpoint can be down; cue phrases and n-grams still route
            log.warning("meaning-level routing unavailable: %s", exc)
            return {}
        return dict(zip(self._classes, (float(p) for p in self._model.predict_proba(query)[0]), strict=True))


class PlainEncoder:
    """A QueryEncoder over a bare embedder, for tools that route without an index (the routing eval)."""

    def __init__(self, embedder):
        """embedder: anything with `name` and `embed_query(text)`."""
        self._embedder = embedder
        self.encoder_name = f"{embedder.name}|query"

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed one text at a time (query mode)."""
        return np.vstack([self._embedder.embed_query(t) for t in texts]) if texts else np.zeros((0, 1), np.float32)

    def query_vector(self, text: str) -> np.ndarray:
        """One query vector."""
        return self._embedder.embed_query(text)
