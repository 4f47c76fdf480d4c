"""The optional reranking hook: anything that reorders passages for a query (e.g. a cross-encoder)."""

from __future__ import annotations

from typing import Protocol

from retrieval.types import Passage


class Reranker(Protocol):
    """Reorders (and may trim) the fused candidates; the index calls it before cutting to k."""

    def rerank(self, query: str, passages: list[Passage]) -> list[Passage]:
        """Return passages best first."""
        ...
