"""Meaning-level similarity to example utterances, through the knowledge index's multilingual embedder.

Cue phrases and character n-grams miss paraphrases that share no words with any example ("组里谁拖后腿了",
"any stragglers on my team?"); a sentence embedding places them next to examples of the same request."""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Sequence
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)

NEIGHBOURS = 10  # nearest examples looked at; each intent keeps its best similarity among them
_MEMO: dict[tuple[str, str], np.ndarray] = {}  # (encoder, examples digest) -> example vectors, per process
_MEMO_LOCK = threading.Lock()


class QueryEncoder(Protocol):
    """What the matcher needs from an embedder (KnowledgeIndex provides it, with its persistent cache)."""

    encoder_name: str

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised query vectors, shape (n, dim)."""
        ...

    def query_vector(self, text: str) -> np.ndarray:
        """One L2-normalised query vector."""
        ...


class SemanticMatcher:
    """Per intent, the highest cosine similarity between a message and that intent's examples among its neighbours."""

    def __init__(self, encoder: QueryEncoder, examples: dict[str, list[str]]):
        """Embed the examples once per process and encoder (about 3 s for 400 examples on first use)."""
        self._encoder = encoder
        pairs = [(intent, text) for intent, texts in examples.items() for text in texts]
        self._labels = [intent for intent, _ in pairs]
        texts = [text for _, text in pairs]
        digest = hashlib.sha1("\n".join(f"{i}\t{t}" for i, t in pairs).encode("utf-8")).hexdigest()
        key = (encoder.encoder_name, digest)
        with _MEMO_LOCK:
            vectors = _MEMO.get(key)
            if vectors is None:
                vectors = _MEMO[key] = np.asarray(encoder.embed_queries(texts), dtype=np.float32)
        self._vectors = vectors

    def best_per_intent(self, text: str) -> dict[str, float]:
        """Cosine similarity (0-1) of the closest example of each intent near the message; {} if embedding fails."""
        try:
            query = np.asarray(self._encoder.query_vector(text), dtype=np.float32)
        except Exception as exc:  # an embedding endpoint can be down; cue phrases and n-grams still route
            log.warning("semantic routing unavailable: %s", exc)
            return {}
        similarities = self._vectors @ query
        best: dict[str, float] = {}
        for row in np.argsort(-similarities)[:NEIGHBOURS]:
            intent = self._labels[row]
            best[intent] = max(best.get(intent, 0.0), float(similarities[row]))
        return best


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
