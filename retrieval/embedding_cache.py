"""Vectors by (embedder, text hash) in SQLite, so identical text is embedded once across runs and indexes."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

_SCHEMA = """
CREATE TABLE IF NOT EXISTS embedding_cache (
    embedder TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (embedder, text_hash)
);
"""


class EmbeddingCache:
    """A small key-value store; safe to share between a real index and throw-away evaluation indexes."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=30)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")  # WAL: a crash may drop the last writes, never corrupt; a
        # lost vector is recomputed, and FULL's fsync per commit cost 4.5 ms a vector during ingest
        self._conn.executescript(_SCHEMA)
        self._lock = threading.Lock()

    def get(self, embedder: str, text_hashes: Sequence[str]) -> dict[str, np.ndarray]:
        """Vectors already computed for these texts by this embedder."""
        out: dict[str, np.ndarray] = {}
        with self._lock:
            for start in range(0, len(text_hashes), 500):
                part = list(text_hashes[start : start + 500])
                marks = ",".join("?" * len(part))
                for text_hash, blob in self._conn.execute(
                        f"SELECT text_hash, vector FROM embedding_cache WHERE embedder=? AND text_hash IN ({marks})",
                        [embedder, *part]):
                    out[text_hash] = np.frombuffer(blob, dtype=np.float32)
        return out

    def put(self, embedder: str, items: Sequence[tuple[str, np.ndarray]]) -> None:
        """Remember vectors (first write wins; vectors for the same text are identical)."""
        rows = [(embedder, h, np.asarray(v, dtype=np.float32).tobytes()) for h, v in items]
        with self._lock:
            self._conn.execute("BEGIN")  # one transaction for the lot, not one commit per vector
            try:
                self._conn.executemany("INSERT OR IGNORE INTO embedding_cache(embedder,text_hash,vector) "
                                       "VALUES (?,?,?)", rows)
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def drop(self, embedder: str) -> None:
        """Forget every vector of one embedder key (e.g. the kept vectors of lexicon translations)."""
        with self._lock:
            self._conn.execute("DELETE FROM embedding_cache WHERE embedder=?", (embedder,))

    def close(self) -> None:
        """Release the file."""
        self._conn.close()
