"""Okapi BM25 as a sparse matrix: one sparse dot product per query, fast at 100k chunks."""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse

K1 = 1.5
B = 0.75


@dataclass
class KeywordHit:
    """A chunk id with its BM25 score."""

    chunk_id: str
    score: float


class BM25Index:
    """Immutable BM25 index over chunk token lists; rebuilt from the catalog after each ingest."""

    def __init__(self, ids: list[str], vocab: dict[str, int], weights: sparse.csr_matrix, idf: np.ndarray) -> None:
        self.ids = ids
        self.vocab = vocab
        self._weights = weights  # rows: terms, cols: chunks, values: BM25 term weight
        self._idf = idf

    @classmethod
    def build(cls, ids: Sequence[str], token_lists: Sequence[Sequence[str]]) -> BM25Index:
        """Compute per-(term, chunk) BM25 weights once so queries only sum rows."""
        vocab: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        tfs: list[float] = []
        lengths = np.zeros(len(ids), dtype=np.float32)
        for col, tokens in enumerate(token_lists):
            lengths[col] = len(tokens)
            for term, tf in Counter(tokens).items():
                rows.append(vocab.setdefault(term, len(vocab)))
                cols.append(col)
                tfs.append(tf)
        n_docs = max(len(ids), 1)
        avg_len = float(lengths.mean()) if len(ids) else 1.0
        row_arr = np.asarray(rows, dtype=np.int64)
        col_arr = np.asarray(cols, dtype=np.int64)
        tf_arr = np.asarray(tfs, dtype=np.float32)
        df = np.bincount(row_arr, minlength=len(vocab)).astype(np.float32)
        idf = np.log(1.0 + (n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
        norm = K1 * (1 - B + B * lengths[col_arr] / max(avg_len, 1e-9))
        values = idf[row_arr] * tf_arr * (K1 + 1) / (tf_arr + norm)
        weights = sparse.csr_matrix((values, (row_arr, col_arr)), shape=(len(vocab), len(ids)), dtype=np.float32)
        return cls(list(ids), vocab, weights, idf)

    def scores(self, query_tokens: Sequence[str] | Mapping[str, float]) -> np.ndarray:
        """BM25 score of every chunk for the query (repeated query terms count once).

        A mapping weighs each term, so expansion terms (synonyms, translations) can count less than the
        reader's own words."""
        weighted = query_tokens if isinstance(query_tokens, Mapping) else dict.fromkeys(query_tokens, 1.0)
        by_row = {self.vocab[t]: w for t, w in weighted.items() if t in self.vocab}
        if not by_row:
            return np.zeros(len(self.ids), dtype=np.float32)
        rows = sorted(by_row)
        term_weights = np.asarray([by_row[r] for r in rows], dtype=np.float32)
        return np.asarray(self._weights[rows].T @ term_weights).ravel()

    def top(self, query_tokens: Sequence[str] | Mapping[str, float], k: int,
            mask: np.ndarray | None = None) -> list[KeywordHit]:
        """The k best chunks with a positive score, restricted to `mask` when given."""
        scores = self.scores(query_tokens)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        positive = int((scores > 0).sum())
        k = min(k, positive)
        if k <= 0:
            return []
        idx = np.argpartition(-scores, k - 1)[:k]
        idx = idx[np.argsort(-scores[idx], kind="stable")]
        return [KeywordHit(self.ids[i], float(scores[i])) for i in idx]

    def idf(self, term: str) -> float:
        """Inverse document frequency of a term (highest when unseen), used to weigh query coverage."""
        row = self.vocab.get(term)
        if row is None:  # never seen: rarer than anything indexed
            return float(np.log(1.0 + (len(self.ids) + 0.5) / 0.5))
        return float(self._idf[row])

    def save(self, directory: Path, extras: dict[str, str] | None = None) -> None:
        """Write a new generation, then flip the CURRENT pointer: readers never see half of an index."""
        directory.mkdir(parents=True, exist_ok=True)
        previous = self.generation(directory)
        generation = f"bm25-{uuid.uuid4().hex[:12]}"
        target = directory / generation
        target.mkdir()
        sparse.save_npz(target / "weights.npz", self._weights, compressed=False)
        np.save(target / "idf.npy", self._idf)
        (target / "meta.json").write_text(json.dumps({"ids": self.ids, "vocab": self.vocab}, ensure_ascii=False),
                                          encoding="utf-8")
        for name, text in (extras or {}).items():
            (target / name).write_text(text, encoding="utf-8")
        pointer = directory / "CURRENT.tmp"
        pointer.write_text(generation, encoding="utf-8")
        os.replace(pointer, directory / "CURRENT")
        keep = {generation, previous}
        for old in directory.glob("bm25-*"):
            if old.name not in keep:  # the previous one stays: a reader may be loading it right now
                shutil.rmtree(old, ignore_errors=True)

    @staticmethod
    def generation(directory: Path) -> str | None:
        """Name of the current saved generation, so readers can tell when to reload."""
        pointer = directory / "CURRENT"
        return pointer.read_text(encoding="utf-8").strip() if pointer.exists() else None

    @classmethod
    def load(cls, directory: Path, generation: str | None = None) -> BM25Index | None:
        """A saved generation (the current one by default), or None when nothing was built yet."""
        generation = generation or cls.generation(directory)
        if generation is None:
            return None
        target = directory / generation
        meta = json.loads((target / "meta.json").read_text(encoding="utf-8"))
        weights = sparse.load_npz(target / "weights.npz").tocsr()
        return cls(meta["ids"], meta["vocab"], weights, np.load(target / "idf.npy"))
