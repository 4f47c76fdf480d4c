"""Chroma as the dense store: embedded PersistentClient by default, HttpClient when a server URL is set."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np
from chromadb.api.types import EmbeddingFunction

from retrieval.embedders.base import Embedder

log = logging.getLogger(__name__)


class _ChromaEmbeddingAdapter(EmbeddingFunction):
    """Hands Chroma our embedder so its default (a model download) is never used."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder

    def __call__(self, input: Sequence[str]) -> list[np.ndarray]:  # noqa: A002 - Chroma's parameter name
        return list(self._embedder.embed_passages(list(input)))

    def embed_query(self, input: Sequence[str]) -> list[np.ndarray]:  # noqa: A002
        return [self._embedder.embed_query(text) for text in input]

    @staticmethod
    def name() -> str:
        return "mentor"

    def get_config(self) -> dict[str, Any]:
        return {"embedder": self._embedder.name}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> _ChromaEmbeddingAdapter:
        raise RuntimeError("Mentor passes its embedder explicitly; open the index through retrieval.index")

    def default_space(self) -> str:
        return "cosine"


@dataclass
class DenseHit:
    """A chunk id with its cosine similarity."""

    chunk_id: str
    similarity: float


def make_chroma_client(persist_dir: Path, server_url: str | None):
    """PersistentClient under MENTOR_HOME, or HttpClient for MENTOR_CHROMA_URL; telemetry always off."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if server_url:
        url = urlparse(server_url)
        return chromadb.HttpClient(host=url.hostname or "localhost", port=url.port or 8000, ssl=url.scheme == "https",
                                   settings=chroma_settings)
    persist_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(persist_dir), settings=chroma_settings)


class VectorStore:
    """One Chroma collection per embedder, so switching models never mixes vector spaces."""

    def __init__(self, client, embedder: Embedder, namespace: str = "mentor") -> None:
        self._embedder = embedder
        safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in embedder.name)[:32]
        digest = hashlib.sha1(embedder.name.encode()).hexdigest()[:8]  # long names must not collide when cut
        self._collection = client.get_or_create_collection(
            name=f"{namespace}-{safe}-{digest}",
            embedding_function=_ChromaEmbeddingAdapter(embedder),
            metadata={"hnsw:space": "cosine", "embedder": embedder.name},
        )
        # chunk id -> the audience keys its vector was stored with. A chunk id hashes its source, text and audience
        # (knowledge/chunker.py), so what an id was stored with never changes: Chroma is asked once per id, not on
        # every query (fetching metadata was 1.7 of a search's 2.3 ms in Chroma)
        self._audience_keys: dict[str, frozenset[str]] = {}

    def count(self) -> int:
        """Vectors stored (including ones not yet or no longer published by the catalog)."""
        return self._collection.count()

    def existing(self, ids: Sequence[str]) -> set[str]:
        """Which of these ids already have a vector (unchanged chunks are never re-embedded)."""
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            found.update(self._collection.get(ids=list(ids[start : start + 500]), include=[])["ids"])
        return found

    def add(self, ids: Sequence[str], vectors: np.ndarray, metadatas: Sequence[dict[str, Any]]) -> None:
        """Upsert vectors in batches Chroma accepts."""
        for start in range(0, len(ids), 1000):
            end = start + 1000
            self._collection.upsert(ids=list(ids[start:end]), embeddings=vectors[start:end],
                                    metadatas=list(metadatas[start:end]))

    def delete(self, ids: Sequence[str]) -> None:
        """Remove vectors of chunks that left the catalog."""
        for start in range(0, len(ids), 1000):
            self._collection.delete(ids=list(ids[start : start + 1000]))

    def similarities(self, ids: Sequence[str], vector: np.ndarray) -> dict[str, float]:
        """Cosine similarity of stored chunks to a query vector (for hits that only the keyword side found)."""
        if not ids:
            return {}
        got = self._collection.get(ids=list(ids), include=["embeddings"])
        return {cid: float(np.dot(np.asarray(emb, dtype=np.float32), vector))
                for cid, emb in zip(got["ids"], got["embeddings"], strict=True)}

    def query(self, vector: np.ndarray, n: int, audience_tags: frozenset[str]) -> list[DenseHit]:
        """Nearest chunks the reader may see; restricted chunks never reach the caller."""
        return self.query_many([vector], n, audience_tags)[0]

    def query_many(self, vectors: Sequence[np.ndarray], n: int, audience_tags: frozenset[str]) -> list[list[DenseHit]]:
        """Nearest visible chunks for each vector, in one Chroma call (a query and its translation: one round trip,
        and Chroma's per-call work, about 1 ms of CPU, once).

        Chroma's metadata-filtered search is slow on large collections (hundreds of ms at 100k chunks), so we
        first ask for a few extra neighbours unfiltered and drop those outside the reader's audience; only when
        that leaves fewer than n do we run the filtered search, which then decides alone. No count() first: Chroma
        returns fewer neighbours than asked when the collection is smaller, and a count is one more round trip to a
        Chroma server on every query."""
        wanted = 2 * n
        keys = frozenset(f"aud_{tag}" for tag in audience_tags)
        try:
            unfiltered = self._collection.query(query_embeddings=list(vectors), n_results=wanted,
                                                include=["distances"])
            audience_keys = self._audience_keys_of([cid for ids in unfiltered["ids"] for cid in ids])
            out = []
            for ids, distances, vector in zip(unfiltered["ids"], unfiltered["distances"], vectors, strict=True):
                hits = [DenseHit(cid, 1.0 - float(dist)) for cid, dist in zip(ids, distances, strict=True)
                        if not keys.isdisjoint(audience_keys.get(cid, ()))]
                if len(hits) >= n or len(ids) < wanted:  # fewer than asked: that was every vector
                    out.append(hits[:n])
                else:
                    out.append(self._filtered(vector, n, audience_tags))
        except Exception as exc:  # noqa: BLE001 - a broken vector store must degrade search, not end the turn
            log.error("dense search failed (%s); answering from keyword search only. With embedded Chroma only one "
                      "process may write: set MENTOR_CHROMA_URL when several processes share the index", exc)
            return [[] for _ in vectors]
        return out

    def _audience_keys_of(self, ids: Sequence[str]) -> dict[str, frozenset[str]]:
        """The audience keys each id's vector carries (aud_<tag> set true), read from Chroma only for unseen ids;
        an id Chroma no longer holds is left out (visible to nobody)."""
        known = self._audience_keys
        found = {cid: known[cid] for cid in ids if cid in known}
        missing = [cid for cid in dict.fromkeys(ids) if cid not in found]
        if missing:
            got = self._collection.get(ids=missing, include=["metadatas"])
            fresh = {cid: frozenset(k for k, v in (meta or {}).items() if k.startswith("aud_") and v)
                     for cid, meta in zip(got["ids"], got["metadatas"], strict=True)}
            if len(known) + len(fresh) > 500_000:  # bounded: a huge collection re-reads what it needs
                known.clear()
            known.update(fresh)
            found.update(fresh)
        return found

    def _filtered(self, vector: np.ndarray, n: int, audience_tags: frozenset[str]) -> list[DenseHit]:
        """Chroma's own audience-filtered search, for readers who may see only a small part of the collection."""
        clauses = [{f"aud_{tag}": True} for tag in sorted(audience_tags)]
        where = clauses[0] if len(clauses) == 1 else {"$or": clauses}
        result = self._collection.query(query_embeddings=[vector], n_results=n, where=where, include=["distances"])
        return [DenseHit(cid, 1.0 - float(dist)) for cid, dist in zip(result["ids"][0], result["distances"][0],
                                                                      strict=True)]
