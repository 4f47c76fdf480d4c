"""A real index (Chroma + BM25 + e5) per test, the embedder loaded once (shared with the retrieval tests)."""

from tests.integration.retrieval.conftest import embedder, index, write

__all__ = ["embedder", "index", "write"]
