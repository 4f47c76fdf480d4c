"""Embedding processes for ingest: one embedder per process with one native thread each, fed groups of passages.

Why processes: a single e5 process with two OpenMP threads spins when anything else wants a core, and Python
threads would share one interpreter with the loading/chunking work. Separate processes with one thread each use
every core, never spin against each other, and let the ingesting process load, chunk and publish meanwhile
(eval/results/ingest_throughput.json has the numbers). This module imports nothing native at the top, so a
worker sets its thread count before numpy or the engine loads.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

log = logging.getLogger(__name__)

GROUP = 32  # passages per task: large enough to amortise the pickling, small enough to keep every worker busy

_embedder: Any = None  # the worker process's embedder, built once by _start_worker


def _start_worker(spec: dict[str, Any], threads: int) -> None:
    """In the worker: limit native threads first, then build the embedder through the one factory."""
    from retrieval.embedders.threads import limit_native_threads

    limit_native_threads(threads)
    global _embedder
    from retrieval.embedders.factory import make_embedder

    _embedder = make_embedder(**spec)


def _embed(texts: list[str]):
    """In the worker: passage vectors for one group."""
    return _embedder.embed_passages(texts)


def _name() -> str:
    """In the worker: the embedder's name (the vector collection key), so the caller can check it matches."""
    return _embedder.name


class EmbedderPool:
    """`workers` processes each holding the embedder that `spec` describes (make_embedder's arguments)."""

    def __init__(self, spec: dict[str, Any], workers: int, threads_per_worker: int = 1) -> None:
        """Start the processes (spawned, so no lock or thread of this process is inherited half-taken)."""
        import multiprocessing

        if workers < 1:
            raise ValueError("an embedding pool needs at least one worker")
        self.workers = workers
        self._executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_start_worker, initargs=(dict(spec), threads_per_worker))
        self._name: Future | None = None

    def warm_up(self) -> None:
        """Start every worker now (each loads the model), without waiting: the caller reads and chunks files
        meanwhile, instead of the first groups waiting for process start-up. Idempotent."""
        if self._name is None:
            # one task per worker: the executor spawns a process for each task no idle worker can take
            warm = [self._executor.submit(_name) for _ in range(self.workers)]
            self._name = warm[0]

    @property
    def name(self) -> str:
        """The workers' embedder name (waits for the first worker to load the model)."""
        self.warm_up()
        return self._name.result()

    def submit(self, texts: Sequence[str]) -> list[tuple[list[int], Future]]:
        """Queue passages in groups; returns (positions in `texts`, future of their vectors) per group."""
        out = []
        for start in range(0, len(texts), GROUP):
            positions = list(range(start, min(start + GROUP, len(texts))))
            out.append((positions, self._executor.submit(_embed, [texts[i] for i in positions])))
        return out

    def close(self) -> None:
        """Stop the workers (queued groups are cancelled)."""
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> EmbedderPool:
        """Use as a context manager so the processes always stop."""
        return self

    def __exit__(self, *exc) -> None:
        """Stop the workers."""
        self.close()
