"""A temporary index over a corpus folder, sharing the embedding cache so repeated evaluations are quick."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from adapters.settings import load_settings
from adapters.wiring import build_index
from knowledge.ingest import Ingestor


@contextmanager
def throwaway_index(corpus: Path, embedder: str | None = None) -> Iterator[tuple[object, object]]:
    """Yield (index, ingest report) for `corpus`; the index directory is deleted afterwards."""
    if not corpus.is_dir():
        raise FileNotFoundError(f"corpus folder {corpus} not found")
    settings = load_settings()
    if embedder:
        settings.retrieval.embedder = embedder
    settings.retrieval.chroma_url = None  # a throw-away index must not reuse a server's persistent collection
    directory = Path(tempfile.mkdtemp(prefix="mentor-eval-"))
    index = build_index(settings, directory=directory, namespace="eval")
    try:
        report = Ingestor(index, ignored_keys=settings.ingest.keys).ingest([corpus])
        yield index, report
    finally:
        index.close()
        shutil.rmtree(directory, ignore_errors=True)
