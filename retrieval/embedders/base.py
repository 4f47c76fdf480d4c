"""The embedder port: passages and queries may be embedded differently (e5 uses prefixes)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    """Turns text into L2-normalised float32 vectors."""

    name: str  # stable id of model + variant; the vector collection is keyed by it
    dim: int
    # Optional: a class attribute `concurrent_queries = True` says two threads may call embed_query at once, so
    # search embeds a query and its translation side by side (retrieval/spare_core.py); absent means one at a time.

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for indexed passages, shape (n, dim)."""
        ...

    def embed_query(self, text: str) -> np.ndarray:
        """Vector for one search query, shape (dim,)."""
        ...


class EmbedderUnavailable(RuntimeError):
    """A configured backend cannot be loaded; the message says how to fix it."""

    code = "embedder_unavailable"
    http_status = 503


def normalise(vectors: np.ndarray) -> np.ndarray:
    """L2-normalise rows so dot product equals cosine similarity."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)
