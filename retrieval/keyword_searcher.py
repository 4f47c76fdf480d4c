"""Keeps the current BM25 generation loaded and audience masks ready; reloads when ingestion flips it."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from retrieval.bm25 import BM25Index, KeywordHit


class KeywordSearcher:
    """BM25 over the published chunks, with per-tag visibility masks so ACLs apply before ranking."""

    def __init__(self, directory: Path) -> None:
        self._dir = directory
        self._lock = threading.Lock()
        self._generation: str | None = None
        self._index: BM25Index | None = None
        self._tag_masks: dict[str, np.ndarray] = {}

    def rebuild(self, ids: Sequence[str], token_lists: Sequence[Sequence[str]],
                audiences: Sequence[Sequence[str]]) -> None:
        """Build and save a new generation (with the audience tags beside it), then load it."""
        index = BM25Index.build(ids, token_lists)
        index.save(self._dir, extras={"audience.txt": "\n".join("|".join(a) for a in audiences)})
        self._refresh(force=True)

    def _refresh(self, force: bool = False) -> None:
        """Load the saved generation if it changed since we last looked."""
        generation = BM25Index.generation(self._dir)
        if not force and generation == self._generation:
            return
        with self._lock:
            for _ in range(3):  # a writer may delete the generation we just read; read the pointer again
                generation = BM25Index.generation(self._dir)
                try:
                    index = BM25Index.load(self._dir)
                    tags_text = (self._dir / generation / "audience.txt").read_text(encoding="utf-8") if generation else ""
                    break
                except FileNotFoundError:
                    continue
            else:
                return
            self._index = index
            self._generation = generation
            self._tag_masks = _tag_masks(tags_text, len(index.ids) if index else 0)

    def top(self, query_tokens: Sequence[str], k: int, audience_tags: frozenset[str]) -> list[KeywordHit]:
        """Best visible chunks for the query terms."""
        self._refresh()
        index = self._index
        if index is None or not index.ids:
            return []
        mask = np.zeros(len(index.ids), dtype=bool)
        for tag in audience_tags:
            tag_mask = self._tag_masks.get(tag)
            if tag_mask is not None:
                mask |= tag_mask
        return index.top(query_tokens, k, mask)

    def idf(self, term: str) -> float:
        """IDF of a term in the current generation."""
        self._refresh()
        return self._index.idf(term) if self._index else 0.0

    @property
    def size(self) -> int:
        """Chunks in the current generation."""
        self._refresh()
        return len(self._index.ids) if self._index else 0


def _tag_masks(tags_text: str, n: int) -> dict[str, np.ndarray]:
    """One boolean column per audience tag."""
    masks: dict[str, np.ndarray] = {}
    if not n:
        return masks
    for i, line in enumerate(tags_text.split("\n")[:n]):
        for tag in line.split("|"):
            if tag:
                masks.setdefault(tag, np.zeros(n, dtype=bool))[i] = True
    return masks
