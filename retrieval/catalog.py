"""The chunk catalog (SQLite): which documents and chunks are published, with text, tokens and metadata.

It is the source of truth for what search may return; Chroma and BM25 are derived from it."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    source TEXT PRIMARY KEY,          -- path relative to the ingested root
    title TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    audience TEXT NOT NULL,           -- JSON list of tags
    course TEXT,
    language TEXT NOT NULL,
    chunk_count INTEGER NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY,
    source TEXT NOT NULL REFERENCES documents(source) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    text TEXT NOT NULL,
    heading TEXT NOT NULL,
    page INTEGER,
    language TEXT NOT NULL,
    tokens TEXT NOT NULL              -- space-joined BM25 terms
);
CREATE INDEX IF NOT EXISTS chunks_by_source ON chunks(source, ordinal);
"""


@dataclass(frozen=True)
class DocumentRow:
    """A published document."""

    source: str
    title: str
    content_hash: str
    audience: tuple[str, ...]
    course: str | None
    language: str
    chunk_count: int


@dataclass(frozen=True)
class ChunkRow:
    """A published chunk with what search and citations need."""

    chunk_id: str
    source: str
    ordinal: int
    text: str
    heading: str
    page: int | None
    language: str
    tokens: tuple[str, ...]


class Catalog:
    """Thread-safe access to the catalog file; every publish is one transaction."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=30)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.executescript(_SCHEMA)
        self._lock = threading.RLock()

    def close(self) -> None:
        """Release the file."""
        self._conn.close()

    def document(self, source: str) -> DocumentRow | None:
        """The published document for a source path, if any."""
        with self._lock:
            row = self._conn.execute("SELECT source,title,content_hash,audience,course,language,chunk_count "
                                     "FROM documents WHERE source=?", (source,)).fetchone()
        return _doc(row) if row else None

    def documents(self) -> list[DocumentRow]:
        """Every published document."""
        with self._lock:
            rows = self._conn.execute("SELECT source,title,content_hash,audience,course,language,chunk_count "
                                      "FROM documents ORDER BY source").fetchall()
        return [_doc(r) for r in rows]

    def chunk_ids(self, source: str) -> list[str]:
        """Ids of a document's published chunks."""
        with self._lock:
            return [r[0] for r in self._conn.execute("SELECT chunk_id FROM chunks WHERE source=?", (source,))]

    def publish(self, document: DocumentRow, chunks: Sequence[ChunkRow]) -> None:
        """Swap a document's chunks in one transaction: readers see the old set or the new set, never a mix."""
        with self._lock:
            cur = self._conn.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                cur.execute("DELETE FROM chunks WHERE source=?", (document.source,))
                cur.execute("INSERT OR REPLACE INTO documents(source,title,content_hash,audience,course,language,"
                            "chunk_count,ingested_at) VALUES (?,?,?,?,?,?,?,datetime('now'))",
                            (document.source, document.title, document.content_hash, json.dumps(list(document.audience)),
                             document.course, document.language, len(chunks)))
                cur.executemany("INSERT INTO chunks(chunk_id,source,ordinal,text,heading,page,language,tokens) "
                                "VALUES (?,?,?,?,?,?,?,?)",
                                [(c.chunk_id, c.source, c.ordinal, c.text, c.heading, c.page, c.language,
                                  " ".join(c.tokens)) for c in chunks])
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise

    def unpublish(self, source: str) -> list[str]:
        """Remove a document and return its chunk ids (for the vector store to drop)."""
        with self._lock:
            ids = self.chunk_ids(source)
            self._conn.execute("DELETE FROM documents WHERE source=?", (source,))
            return ids

    def chunks(self, ids: Iterable[str], tokens: bool = True) -> dict[str, ChunkRow]:
        """Published chunks by id; ids not published (stale or in-flight vectors) are absent.

        tokens=False leaves ChunkRow.tokens empty: search never reads them, and splitting them cost more than
        the rest of the row."""
        ids = list(ids)
        out: dict[str, ChunkRow] = {}
        columns = "chunk_id,source,ordinal,text,heading,page,language," + ("tokens" if tokens else "''")
        with self._lock:
            for start in range(0, len(ids), 500):
                part = ids[start : start + 500]
                marks = ",".join("?" * len(part))
                for row in self._conn.execute(f"SELECT {columns} FROM chunks WHERE chunk_id IN ({marks})", part):
                    out[row[0]] = _chunk(row)
        return out

    def documents_of(self, sources: Iterable[str]) -> dict[str, DocumentRow]:
        """Published documents by source, in one query (search needs those of its candidate chunks)."""
        sources = list(sources)
        out: dict[str, DocumentRow] = {}
        with self._lock:
            for start in range(0, len(sources), 500):
                part = sources[start : start + 500]
                marks = ",".join("?" * len(part))
                for row in self._conn.execute("SELECT source,title,content_hash,audience,course,language,chunk_count "
                                              f"FROM documents WHERE source IN ({marks})", part):
                    out[row[0]] = _doc(row)
        return out

    def chunks_of(self, sources: Sequence[str]) -> list[ChunkRow]:
        """Every chunk of these documents in document order."""
        if not sources:
            return []
        marks = ",".join("?" * len(sources))
        with self._lock:
            rows = self._conn.execute(f"SELECT chunk_id,source,ordinal,text,heading,page,language,tokens FROM chunks "
                                      f"WHERE source IN ({marks}) ORDER BY source, ordinal", list(sources)).fetchall()
        return [_chunk(r) for r in rows]

    def all_for_keyword_index(self) -> tuple[list[str], list[list[str]], list[tuple[str, ...]]]:
        """(ids, token lists, audience tags) of every published chunk, to rebuild BM25."""
        with self._lock:
            rows = self._conn.execute("SELECT c.chunk_id, c.tokens, d.audience FROM chunks c "
                                      "JOIN documents d ON d.source=c.source ORDER BY c.rowid").fetchall()
        return ([r[0] for r in rows], [r[1].split(" ") if r[1] else [] for r in rows],
                [tuple(json.loads(r[2])) for r in rows])

    def stats(self) -> tuple[int, int]:
        """(documents, chunks) published."""
        with self._lock:
            docs = self._conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            chunks = self._conn.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
        return docs, chunks


def _doc(row) -> DocumentRow:
    return DocumentRow(row[0], row[1], row[2], tuple(json.loads(row[3])), row[4], row[5], row[6])


def _chunk(row) -> ChunkRow:
    return ChunkRow(row[0], row[1], row[2], row[3], row[4], row[5], row[6], tuple(row[7].split(" ")) if row[7] else ())
