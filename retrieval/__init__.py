"""Hybrid retrieval: BM25 over jieba tokens + Chroma dense vectors, fused, with audience ACLs inside."""

from __future__ import annotations

from retrieval.types import Audience, Passage

__all__ = ["Audience", "Passage", "search"]


def search(index, query: str, audience: Audience | None = None, k: int = 5, mode: str = "hybrid") -> list[Passage]:
    """Module-level convenience: `retrieval.search(index, query, audience, k)`."""
    return index.search(query, audience=audience, k=k, mode=mode)
