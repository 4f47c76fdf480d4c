"""Ingest's look-ahead: a prepared file's passages go to the embedding processes at once, while the ingesting
process loads, chunks and publishes other files; publishing a batch then finds its vectors already computed.

Why: `mentor ingest` is held to >= 90% of the embedder's raw throughput, so the embedder must never wait for
loading, tokenizing or index writes (eval/results/ingest_throughput.json)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from concurrent.futures import Future

from retrieval.embedders.pool import EmbedderPool
from retrieval.index import DocumentChange, KnowledgeIndex

log = logging.getLogger(__name__)


class EmbedAhead:
    """Starts embedding per prepared document; `finish` hands a batch's vectors to the index's embedding cache."""

    def __init__(self, index: KnowledgeIndex, pool: EmbedderPool) -> None:
        """Nothing starts yet: a run where every file is unchanged never spawns a process."""
        self._index = index
        self._pool = pool
        self._checked = False
        self._broken = False
        self._pending: dict[str, list[tuple[list[str], Future]]] = {}

    def warm_up(self) -> None:
        """Start the embedding processes (a changed file was found) while this process reads and chunks it."""
        if not self._broken:
            try:
                self._pool.warm_up()
            except Exception as exc:  # noqa: BLE001 - a dead pool: publishing embeds in this process instead
                log.warning("embedding processes unavailable (%s); embedding in this process", exc)
                self._broken = True

    def start(self, change: DocumentChange) -> None:
        """Queue the passages of one prepared document that have no vector yet (the processes' model is checked
        when their vectors are collected, so this never waits for them to start)."""
        if self._broken:
            return
        todo = self._index.passages_to_embed([change])
        if not todo:
            return
        hashes = [text_hash for text_hash, _ in todo]
        try:
            groups = self._pool.submit([text for _, text in todo])
        except Exception as exc:  # noqa: BLE001 - a dead pool: publishing embeds in this process instead
            log.warning("embedding processes unavailable (%s); embedding in this process", exc)
            self._broken = True
            return
        self._pending[change.document.source] = [([hashes[i] for i in positions], future)
                                                 for positions, future in groups]

    def _check_model(self) -> None:
        """Refuse a pool whose model differs from the index's: its vectors would land in the wrong collection."""
        try:
            name = self._pool.name
        except Exception as exc:  # noqa: BLE001 - the workers could not load the model
            log.warning("embedding processes could not start (%s); embedding in this process", exc)
            self._broken = True
            return
        if name != self._index.embedder.name:
            raise ValueError(f"embedding processes run {name}, the index uses {self._index.embedder.name}")
        self._checked = True

    def finish(self, changes: Sequence[DocumentChange]) -> None:
        """Wait for these documents' vectors and cache them; a failed group is left for publishing to embed."""
        if not self._checked and not self._broken and any(c.document.source in self._pending for c in changes):
            self._check_model()
            if self._broken:  # the processes never started: publishing embeds everything in this process
                for change in changes:
                    self._pending.pop(change.document.source, None)
                return
        items = []
        for change in changes:
            for hashes, future in self._pending.pop(change.document.source, []):
                try:
                    vectors = future.result()
                except Exception as exc:  # noqa: BLE001 - publishing embeds these in-process and reports failures
                    log.warning("embedding process failed for %s (%s); embedding it in this process",
                                change.document.source, exc)
                    continue
                items.extend(zip(hashes, vectors, strict=True))
        if items:
            self._index.remember_passage_vectors(items)
