"""Meaning-level routing: a logistic-regression classifier over multilingual-e5 embeddings of labelled messages.

Cue phrases and character n-grams miss paraphrases that share no words with any example ("组里谁拖后腿了",
"anything still open on my plate?"); a sentence embedding with a classifier trained on ~1,600 labelled Chinese and
English messages places them by meaning. The model for the default embedder ships with the code; another embedder
gets one trained at start-up."""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)

_REGULARISATION = 10.0  # inverse L2 strength; chosen by leave-one-set-out accuracy over the labelled sets
SHIPPED_MODEL = Path(__file__).with_name("meaning_model.npz")  # rebuilt by `python -m bot.routing.train_meaning`
_MEMO: dict[tuple[str, str], tuple[np.ndarray, np.ndarray, list[str]]] = {}  # (encoder, examples digest) -> model
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
        """Load the shipped model when it was trained for this encoder and these examples, else train one (once per
        process; embedding ~1,700 examples takes ~15 s the first time, then they come from the embedding cache)."""
        self._encoder = encoder
        pairs = example_pairs(examples)
        key = (encoder.encoder_name, examples_digest(pairs))
        with _MEMO_LOCK:
            if key not in _MEMO:
                _MEMO[key] = _load_shipped(*key) or train_for(encoder, pairs)
            self._weights, self._bias, self._classes = _MEMO[key]

    def probabilities(self, text: str) -> dict[str, float]:
        """Probability of each intent (summing to 1); {} when the embedder fails for this message."""
        try:
            query = np.asarray(self._encoder.query_vector(text), dtype=np.float32).reshape(-1)
        except Exception as exc:  # an embedding endpoint can be down; cue phrases and n-grams still route
            log.warning("meaning-level routing unavailable: %s", exc)
            return {}
        logits = self._weights @ query + self._bias
        odds = np.exp(logits - logits.max())
        return dict(zip(self._classes, (float(p) for p in odds / odds.sum()), strict=True))


def example_pairs(examples: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(intent, text) for every labelled example, in a stable order (the digest depends on it)."""
    return [(intent, text) for intent, texts in examples.items() for text in texts]


def examples_digest(pairs: Sequence[tuple[str, str]]) -> str:
    """Fingerprint of the labelled examples, so a shipped model is only used for the data it was trained on."""
    return hashlib.sha1("\n".join(f"{i}\t{t}" for i, t in pairs).encode("utf-8")).hexdigest()


def train_model(vectors: np.ndarray, intents: Sequence[str], balanced: bool = False,
                regularisation: float | None = None) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Multinomial logistic regression: (weights, bias, classes)."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=regularisation or _REGULARISATION, max_iter=2000,
                               class_weight="balanced" if balanced else None).fit(vectors, list(intents))
    return (model.coef_.astype(np.float32), model.intercept_.astype(np.float32), [str(c) for c in model.classes_])


def train_for(encoder: QueryEncoder, pairs: Sequence[tuple[str, str]]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Embed the examples and fit the model (raises if the embedder fails)."""
    vectors = np.asarray(encoder.embed_queries([text for _, text in pairs]), dtype=np.float32)
    return train_model(vectors, [intent for intent, _ in pairs])


def _load_shipped(encoder_name: str, digest: str) -> tuple[np.ndarray, np.ndarray, list[str]] | None:
    """The model trained ahead of time for the default embedder (bot/routing/meaning_model.npz), if it fits."""
    if not SHIPPED_MODEL.exists():
        return None
    with np.load(SHIPPED_MODEL, allow_pickle=False) as data:
        if str(data["encoder"]) != encoder_name or str(data["digest"]) != digest:
            return None
        return data["weights"], data["bias"], [str(c) for c in data["classes"]]


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
