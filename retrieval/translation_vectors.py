"""A question's lexicon translation as one vector, composed from the vectors of the lexicon entries it uses.

Why: embedding each question's translation afresh was a second e5 call per search (~20 ms CPU, a third of a cold
hybrid query on a busy machine). A translation is made only of lexicon entries, so each entry's other-language
terms are embedded once (`mentor ingest` embeds them all; an entry first met at query time is embedded then) and kept
in the persistent embedding cache, and the translation's vector is the normalised sum of its entries' vectors, each
weighted by the square root of its length in words (e5 mean-pools over tokens, so a longer entry weighs more in the
whole translation's embedding too). On the dev questions, hybrid recall@5 is unchanged or better (sample 0.987 ->
0.990, shared 0.950 -> 0.950; MRR 0.849 -> 0.846 and 0.842 -> 0.826), with a plain sum and other weights measured
beside it (eval/results/translation_vectors.txt)."""

from __future__ import annotations

import hashlib
import math
import re
import threading
from collections.abc import Callable, Iterable

import numpy as np

from retrieval.crosslingual import Lexicon
from retrieval.embedding_cache import EmbeddingCache
from retrieval.entry_vectors import ShippedVectors


def entry_text(group: Iterable[str]) -> str:
    """What one lexicon entry contributes to a translation: its other-language terms, in the lexicon's order."""
    return " ".join(group)


_WORD = re.compile(r"[A-Za-z0-9]+")
_HAN = re.compile(r"[\u3400-\u9fff]")


def entry_weight(text: str) -> float:
    """sqrt of the entry's length in words (a Chinese word taken as two characters): chosen on dev, see the module."""
    return math.sqrt(max(1.0, len(_WORD.findall(text)) + len(_HAN.findall(text)) / 2))


def entry_key(text: str) -> str:
    """Cache key of one entry's text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def all_entry_texts(lexicon: Lexicon) -> list[str]:
    """Every entry text of the lexicon, both directions, once each."""
    return list(dict.fromkeys(entry_text(g) for table in (lexicon.zh_to_en, lexicon.en_to_zh) for g in table.values()))


class TranslationVectors:
    """Entry vectors in memory over the persistent cache; `vector(query)` embeds nothing once the entries are warm."""

    def __init__(self, lexicon: Lexicon, embed_query: Callable[[str], np.ndarray], cache: EmbeddingCache,
                 cache_name: str, shipped: ShippedVectors | None = None) -> None:
        """`shipped`: vectors computed ahead for this embedder (retrieval/entry_vectors.py), read before embedding."""
        self._lexicon = lexicon
        self._shipped = shipped or ShippedVectors(None)
        self._embed_query = embed_query
        self._cache = cache
        self.cache_name = cache_name
        self._vectors: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def entries(self, query: str) -> list[str]:
        """The texts of the lexicon entries the query's translation is made of (none when it has no known term)."""
        groups, _ = self._lexicon.translate_groups(query)
        return list(dict.fromkeys(entry_text(g) for g in groups if g))

    def missing(self, texts: Iterable[str]) -> list[str]:
        """Entry texts with no vector in memory or in the persistent cache (those found there are loaded)."""
        texts = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        if not texts:
            return []
        keys = [entry_key(t) for t in texts]
        found = self._cache.get(self.cache_name, keys)
        shipped = self._shipped.find([key for key in keys if key not in found])
        if shipped:
            self._cache.put(self.cache_name, list(shipped.items()))
            found = {**found, **shipped}
        with self._lock:
            for text in texts:
                vector = found.get(entry_key(text))
                if vector is not None:
                    self._vectors[text] = vector
        return [t for t in texts if t not in self._vectors]

    def vector(self, query: str) -> np.ndarray | None:
        """The translation's vector: the normalised weighted sum of its entries' vectors (entries not yet known are
        embedded now)."""
        texts = self.entries(query)
        if not texts:
            return None
        self._embed(self.missing(texts))
        total = np.sum([entry_weight(t) * self._vectors[t] for t in texts], axis=0)
        norm = float(np.linalg.norm(total))
        return (total / norm).astype(np.float32) if norm > 0 else None

    def warm(self) -> int:
        """Embed every entry of the lexicon (both directions) not yet cached; returns how many were embedded."""
        todo = self.missing(all_entry_texts(self._lexicon))
        self._embed(todo)
        return len(todo)

    def forget(self) -> None:
        """Drop every entry vector, in memory, in the cache and the shipped ones (benchmarks measure a cold index)."""
        with self._lock:
            self._vectors.clear()
        self._cache.drop(self.cache_name)
        self._shipped = ShippedVectors(None)

    def _embed(self, texts: list[str]) -> None:
        """Embed entries as queries and keep their vectors, in memory and in the persistent cache."""
        if not texts:
            return
        computed = [(t, self._embed_query(t)) for t in texts]
        self._cache.put(self.cache_name, [(entry_key(t), v) for t, v in computed])
        with self._lock:
            self._vectors.update(computed)
