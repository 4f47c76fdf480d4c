"""The hybrid query path's shortcuts change nothing: the translation's vector composed from kept lexicon entries (or
embedded on a spare core), cosines looked up only for the passages returned, and dense search without a count per
query."""

import pytest

from knowledge.ingest import Ingestor
from retrieval.spare_core import SpareCore
from retrieval.types import Audience
from tests.integration.retrieval.conftest import write

QUESTIONS = ["How many days of annual leave after 12 years?", "病假超过几天要诊断证明", "meal receipts deadline",
             "年假", "calibration results due"]


@pytest.fixture
def kb_index(index, tmp_path):
    root = tmp_path / "kb"
    write(root / "leave.md", "---\ntitle: 请假与休假制度\n---\n# 请假与休假制度\n## 年休假\n员工累计工作已满10年不满20年的，"
                             "年休假10天。\n## 病假\n病假超过3天须提供医院诊断证明。\n")
    write(root / "expense.md", "---\ntitle: Expense Policy\n---\n# Expense Policy\n## Meals\nBusiness meals are "
                               "reimbursed up to 150 yuan per person. Submit receipts within 30 days.\n")
    write(root / "managers.md", "---\ntitle: Calibration guide\naudience: [manager]\n---\n# Calibration guide\n"
                                "Managers submit calibration results by the 10th working day after each quarter.\n")
    assert Ingestor(index).ingest([root]).ok
    return index


def _run(index, audience):
    out = []
    for question in QUESTIONS:
        for mode in ("hybrid", "dense", "bm25"):
            index.clear_query_cache()
            out.append([(p.chunk_id, p.score, p.dense_score, p.keyword_score) for p in
                        index.search(question, audience, 3, mode)])
    return out


def test_spare_core_changes_no_result(kb_index):
    assert kb_index.lexicon.translate(QUESTIONS[0])  # the questions do get a translation to embed
    for audience in (Audience.everyone(), Audience.of("manager")):
        kb_index._spare_core = SpareCore(1)
        parallel = _run(kb_index, audience)
        kb_index._spare_core.close()
        kb_index._spare_core = SpareCore(0)
        assert _run(kb_index, audience) == parallel


def test_every_returned_passage_has_its_cosine(kb_index):
    for question in QUESTIONS:
        for mode in ("hybrid", "dense"):
            passages = kb_index.search(question, Audience.of("manager"), 5, mode)
            assert passages and all(p.dense_score is not None for p in passages)
            vector = kb_index.query_vector(question)
            for p in passages:
                assert p.dense_score == pytest.approx(kb_index._vectors.similarities([p.chunk_id], vector)[p.chunk_id])


def test_dense_search_on_an_empty_index_finds_nothing(index):
    assert index.search("年假", mode="dense") == [] and index.search("annual leave") == []


def test_kept_lexicon_entry_vectors_give_the_same_results(kb_index, monkeypatch):
    """Entry vectors are kept in the persistent cache: a search on a cold index embeds them, a later one reads them
    back, embeds only the question, and ranks exactly as the cold one did."""
    embedded = []
    real = kb_index.embedder.embed_query
    monkeypatch.setattr(kb_index.embedder, "embed_query", lambda text: (embedded.append(text), real(text))[1])
    for question in QUESTIONS:
        kb_index.clear_query_cache(translations=True)
        embedded.clear()
        fresh = [(p.chunk_id, p.score, p.dense_score) for p in kb_index.search(question, k=5)]
        assert len(embedded) == 1 + len(kb_index._translations.entries(question))
        kb_index.clear_query_cache()
        embedded.clear()
        kept = [(p.chunk_id, p.score, p.dense_score) for p in kb_index.search(question, k=5)]
        assert kept == fresh and embedded == [question]


def test_the_sentence_ranking_compares_the_translations_own_embedding(kb_index):
    """Search composes the translation's vector from lexicon entries; comparing the translation with quotes uses its
    own embedding (the answer's cross-language thresholds were set on it), whatever search did before."""
    question = QUESTIONS[0]
    translation = kb_index.lexicon.translate(question)
    texts = ["年休假10天。", "病假超过3天须提供医院诊断证明。"]
    kb_index.search(question, k=5)
    got = kb_index.passage_similarities(translation, texts)
    own = kb_index.embedder.embed_query(translation)
    passages = kb_index.embedder.embed_passages(texts)
    assert got == pytest.approx([float(v @ own) for v in passages], abs=1e-5)
    assert got != pytest.approx([float(v @ kb_index._translations.vector(question)) for v in passages], abs=1e-3)


def test_one_chroma_call_for_several_vectors_finds_what_one_call_each_finds(kb_index):
    """A query and its translation are looked up together; the narrow-audience fallback still applies to each."""
    vectors = [kb_index.query_vector(question) for question in QUESTIONS]
    for audience in (Audience.everyone(), Audience.of("manager")):
        for n in (1, 3, 30):
            assert kb_index._vectors.query_many(vectors, n, audience.tags) == [
                kb_index._vectors.query(vector, n, audience.tags) for vector in vectors]


def test_the_evidence_profile_reuses_the_neighbours_search_found(kb_index, monkeypatch):
    """search asks Chroma for 32 neighbours of the question; the profile's 30 are their first 30, not a new call."""
    for question in QUESTIONS:
        for audience in (Audience.everyone(), Audience.of("manager")):
            kb_index.clear_query_cache()
            fresh = kb_index.dense_profile(question, audience)
            kb_index.clear_query_cache()
            kb_index.search(question, audience, k=8)
            calls = []
            monkeypatch.setattr(kb_index._vectors, "query_many",
                                lambda *a, real=kb_index._vectors.query_many, calls=calls: (calls.append(a), real(*a))[1])
            assert kb_index.dense_profile(question, audience) == fresh
            assert calls == []
            monkeypatch.undo()


class _MetadataReads:
    """The Chroma collection, recording every call that reads metadata."""

    def __init__(self, inner):
        self.inner, self.reads = inner, []

    def get(self, *args, **kwargs):
        self.reads.append(("get", kwargs.get("include")))
        return self.inner.get(*args, **kwargs)

    def query(self, *args, **kwargs):
        if "metadatas" in kwargs.get("include", ()):
            self.reads.append(("query", kwargs["include"]))
        return self.inner.query(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def test_audience_filter_reads_each_vectors_audience_once_and_filters_as_chroma_metadata_does(kb_index):
    """Chunk ids hash their audience, so the audience a vector was stored with is read once per id, not per query."""
    store = kb_index._vectors
    vectors = [kb_index.query_vector(question) for question in QUESTIONS]
    for audience in (Audience.everyone(), Audience.of("manager"), Audience.of("employee")):
        raw = store._collection.query(query_embeddings=vectors, n_results=60, include=["distances", "metadatas"])
        expected = [[cid for cid, meta in zip(ids, metas, strict=True)
                     if any((meta or {}).get(f"aud_{tag}") for tag in audience.tags)][:30]
                    for ids, metas in zip(raw["ids"], raw["metadatas"], strict=True)]
        assert [[h.chunk_id for h in hits] for hits in store.query_many(vectors, 30, audience.tags)] == expected
    store._collection = _MetadataReads(store._collection)
    store.query_many(vectors, 30, Audience.of("manager").tags)
    assert store._collection.reads == []


def test_search_always_asks_chroma_so_an_ingest_in_progress_is_seen(kb_index, monkeypatch):
    """Remembered neighbours serve only the evidence profile: a search during an ingest must see the new version's
    vectors as soon as the catalog publishes it (tests/integration/retrieval/test_ingest_search.py swaps versions)."""
    kb_index.search(QUESTIONS[0], k=8)
    calls = []
    real = kb_index._vectors.query_many
    monkeypatch.setattr(kb_index._vectors, "query_many", lambda *a: (calls.append(a), real(*a))[1])
    kb_index.search(QUESTIONS[0], k=8)
    assert len(calls) == 1


def test_a_translations_vector_is_kept_for_the_next_turn(kb_index, monkeypatch):
    """Comparing a lexicon-made text (a translation) with quotes embeds it once ever: a later turn, its in-memory
    query cache cleared, reads the kept vector back and gets the same cosines."""
    translation = kb_index.lexicon.translate(QUESTIONS[0])
    texts = ["年休假10天。", "病假超过3天须提供医院诊断证明。"]
    kb_index.clear_query_cache(translations=True)
    first = kb_index.passage_similarities(translation, texts, kept=True)
    kb_index.clear_query_cache()
    embedded = []
    real = kb_index.embedder.embed_query
    monkeypatch.setattr(kb_index.embedder, "embed_query", lambda text: (embedded.append(text), real(text))[1])
    assert kb_index.passage_similarities(translation, texts, kept=True) == first and embedded == []
    kb_index.clear_query_cache(translations=True)
    assert kb_index.passage_similarities(translation, texts, kept=True) == pytest.approx(first) and embedded
