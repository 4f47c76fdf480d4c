"""A translation's vector is the normalised sum of its lexicon entries' vectors, each embedded once ever."""

import hashlib

import numpy as np
import pytest

from retrieval.crosslingual import Lexicon
from retrieval.embedding_cache import EmbeddingCache
from retrieval.translation_vectors import TranslationVectors, entry_weight


def _text_vector(text: str) -> np.ndarray:
    """A deterministic unit vector per text, standing in for the embedder (whose own tests are elsewhere)."""
    seed = int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16)
    vector = np.random.default_rng(seed).normal(size=8).astype(np.float32)
    return vector / np.linalg.norm(vector)


@pytest.fixture
def parts(tmp_path):
    path = tmp_path / "lex.tsv"
    path.write_text("annual leave|vacation\t年假|年休假\nreceipt\t发票|收据\nlose|lost\t丢失|弄丢\n", encoding="utf-8")
    calls: list[str] = []

    def embed(text):
        calls.append(text)
        return _text_vector(text)

    cache = EmbeddingCache(tmp_path / "cache.sqlite3")
    yield Lexicon.load(path), embed, cache, calls
    cache.close()


def test_longer_entries_weigh_more_as_they_do_in_a_mean_pooled_embedding():
    assert entry_weight("receipt") == 1.0 and entry_weight("发票") == 1.0
    assert entry_weight("annual leave vacation") == pytest.approx(3 ** 0.5)
    assert entry_weight("年假 年休假") == pytest.approx(2.5 ** 0.5)


def test_the_vector_is_the_normalised_weighted_sum_of_the_entries(parts):
    lexicon, embed, cache, calls = parts
    vectors = TranslationVectors(lexicon, embed, cache, "e|lexicon-entry")
    assert vectors.entries("发票弄丢了怎么办") == ["receipt", "lose lost"]
    expected = _text_vector("receipt") + 2 ** 0.5 * _text_vector("lose lost")
    got = vectors.vector("发票弄丢了怎么办")
    assert np.allclose(got, expected / np.linalg.norm(expected)) and calls == ["receipt", "lose lost"]
    assert vectors.vector("the canteen menu") is None


def test_each_entry_is_embedded_once_ever_across_instances(parts):
    lexicon, embed, cache, calls = parts
    first = TranslationVectors(lexicon, embed, cache, "e|lexicon-entry")
    vector = first.vector("发票丢失")
    second = TranslationVectors(lexicon, embed, cache, "e|lexicon-entry")  # a new process on the same cache
    assert np.array_equal(second.vector("发票丢失"), vector) and calls == ["receipt", "lose lost"]


def test_warm_embeds_every_entry_of_both_directions_once(parts):
    lexicon, embed, cache, calls = parts
    vectors = TranslationVectors(lexicon, embed, cache, "e|lexicon-entry")
    assert vectors.warm() == 6  # 3 entries to English, 3 to Chinese
    assert vectors.warm() == 0 and len(calls) == 6
    vectors.vector("How many annual leave days and where is my receipt")
    assert len(calls) == 6  # nothing left to embed at query time


def test_forget_makes_the_next_search_embed_again(parts):
    lexicon, embed, cache, calls = parts
    vectors = TranslationVectors(lexicon, embed, cache, "e|lexicon-entry")
    vectors.warm()
    vectors.forget()
    assert TranslationVectors(lexicon, embed, cache, "e|lexicon-entry").missing(["receipt"]) == ["receipt"]
