"""Ingest's look-ahead never waits for the embedding processes to start: it warms them when a changed file is found,
queues passages at once, and checks their model only when it collects their vectors."""

from concurrent.futures import Future

import numpy as np
import pytest

from knowledge.embed_ahead import EmbedAhead
from retrieval.catalog import ChunkRow, DocumentRow
from retrieval.index import DocumentChange


class FakePool:
    """Records calls; `name` is what the processes report once they have loaded their model."""

    def __init__(self, name="model"):
        self._name, self.warmed, self.name_reads, self.submitted = name, 0, 0, []

    def warm_up(self):
        self.warmed += 1

    @property
    def name(self):
        self.name_reads += 1
        return self._name

    def submit(self, texts):
        future = Future()
        future.set_result(np.ones((len(texts), 2), np.float32))
        self.submitted.extend(texts)
        return [(list(range(len(texts))), future)]


class FakeIndex:
    """The two index calls EmbedAhead makes, and the embedder name it checks against."""

    class embedder:  # noqa: N801 - stands in for an embedder object
        name = "model"

    def __init__(self):
        self.remembered = []

    def passages_to_embed(self, changes):
        return [(f"h{c.chunk_id}", c.text) for change in changes for c in change.chunks]

    def remember_passage_vectors(self, items):
        self.remembered.extend(items)


def _change(source="a.md"):
    document = DocumentRow(source, "T", "hash", ("all",), None, "en", 1)
    return DocumentChange(document, [ChunkRow(f"{source}#0", source, 0, "text", "", None, "en", ())])


def test_passages_are_queued_without_waiting_for_the_model_check():
    pool, index = FakePool(), FakeIndex()
    ahead = EmbedAhead(index, pool)
    ahead.warm_up()
    ahead.start(_change())
    assert pool.warmed == 1 and pool.submitted == ["text"] and pool.name_reads == 0
    ahead.finish([_change()])
    assert pool.name_reads == 1 and [h for h, _ in index.remembered] == ["ha.md#0"]


def test_a_pool_of_another_model_is_refused_when_its_vectors_are_collected():
    ahead = EmbedAhead(FakeIndex(), FakePool(name="other"))
    ahead.start(_change())
    with pytest.raises(ValueError, match="embedding processes run other"):
        ahead.finish([_change()])
