"""Keeps the current BM25 generation loaded and audience masks ready; reloads when ingestion flips it."""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from retrieval.bm25 import BM25Index, KeywordHit


@dataclass(frozen=True)
class _Loaded:
    """One generation's index and masks, swapped in as a unit so readers never mix generations."""

    generation: str | None
    index: BM25Index | None
    tag_masks: dict[str, np.ndarray]


_EMPTY = _Loaded(None, None, {})


class KeywordSearcher:
    """BM25 over the published chunks, with per-tag visibility masks so ACLs apply before ranking."""

    def __init__(self, directory: Path) -> None:
        self._dir = directory
        self._lock = threading.Lock()
        self._loaded = _EMPTY

    def rebuild(self, ids: Sequence[str], token_lists: Sequence[Sequence[str]],
                audiences: Sequence[Sequence[str]]) -> None:
        """Build and save a new generation (with the audience tags beside it), then load it."""
        index = BM25Index.build(ids, token_lists)
        index.save(self._dir, extras={"audience.json": json.dumps([list(a) for a in audiences])})
        self._current(force=True)

    def _current(self, force: bool = False) -> _Loaded:
        """The loaded generation, reloaded first if ingestion flipped CURRENT since we last looked."""
        loaded = self._loaded
        generation = BM25Index.generation(self._dir)
        if not force and generation == loaded.generation:
            return loaded
        with self._lock:
            for _ in range(3):  # a writer may delete the generation we just read; read the pointer again
                generation = BM25Index.generation(self._dir)
                if generation is None:
                    return self._loaded
                try:
                    index = BM25Index.load(self._dir, generation)
                    audiences = json.loads((self._dir / generation / "audience.json").read_text(encoding="utf-8"))
                except FileNotFoundError:
                    continue
                self._loaded = _Loaded(generation, index, _tag_masks(audiences, len(index.ids)))
                break
        return self._loaded

    def top(self, query_tokens: Sequence[str] | Mapping[str, float], k: int,
            audience_tags: frozenset[str]) -> list[KeywordHit]:
        """Best visible chunks for the query terms."""
        loaded = self._current()
        if loaded.index is None or not loaded.index.ids:
            return []
        mask = np.zeros(len(loaded.index.ids), dtype=bool)
        for tag in audience_tags:
            tag_mask = loaded.tag_masks.get(tag)
            if tag_mask is not None:
                mask |= tag_mask
        return loaded.index.top(query_tokens, k, mask)

    def idfs(self, terms) -> dict[str, float]:
        """IDF of several terms from one generation (one pointer read instead of one per term)."""
        loaded = self._current()
        return {t: (loaded.index.idf(t) if loaded.index else 0.0) for t in terms}

    def idf(self, term: str) -> float:
        """IDF of a term in the current generation."""
        loaded = self._current()
        return loaded.index.idf(term) if loaded.index else 0.0

    @property
    def generation(self) -> str | None:
        """The loaded generation's name: it changes whenever ingestion publishes, here or in another process."""
        return self._current().generation

    @property
    def size(self) -> int:
        """Chunks in the current generation."""
        loaded = self._current()
        return len(loaded.index.ids) if loaded.index else 0


def _tag_masks(audiences: list[list[str]], n: int) -> dict[str, np.ndarray]:
    """One boolean column per audience tag."""
    masks: dict[str, np.ndarray] = {}
    for i, tags in enumerate(audiences[:n]):
        for tag in tags:
            masks.setdefault(tag, np.zeros(n, dtype=bool))[i] = True
    return masks
