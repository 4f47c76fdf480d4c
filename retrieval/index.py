"""KnowledgeIndex: the one object that publishes chunks and answers searches (hybrid, dense or keyword)."""

from __future__ import annotations

import contextvars
import fcntl
import hashlib
import logging
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from retrieval.cancellation import checkpoint
from retrieval.catalog import Catalog, ChunkRow, DocumentRow
from retrieval.crosslingual import Lexicon
from retrieval.embedders.base import Embedder
from retrieval.embedding_cache import EmbeddingCache
from retrieval.entry_vectors import ShippedVectors, shipped_path
from retrieval.fusion import reciprocal_rank_fusion
from retrieval.keyword_searcher import KeywordSearcher
from retrieval.rerank import Reranker
from retrieval.spare_core import SpareCore
from retrieval.tokenize import Tokenizer
from retrieval.translation_vectors import TranslationVectors
from retrieval.types import Audience, Passage
from retrieval.vector_store import DenseHit, VectorStore, make_chroma_client

log = logging.getLogger(__name__)

MODES = ("hybrid", "dense", "bm25")
# Weights chosen on both gold sets (eval/results/fusion_tuning.txt): equal RRF weights for dense and BM25,
# the translated query at half weight (it helps cross-language questions, but pulls same-language ones away).
DENSE_WEIGHT = 1.0
KEYWORD_WEIGHT = 1.0
TRANSLATED_DENSE_WEIGHT = 0.5  # the lexicon-translated query's own dense ranking, fused into the dense side
# RRF constants, from the grid in eval/results/fusion_tuning.txt: a small k lets the original query's top dense hits
# lead over the translated query's (dense recall@5 on the sample set 0.84 -> 0.94), and a moderate k for the hybrid
# fusion lets a chunk ranked first by one mode beat chunks both modes rank only middling.
TRANSLATION_RRF_K = 8
TRANSLATED_KEYWORD_WEIGHT = 1.0  # BM25 weight of the lexicon's translation of the query's terms
SYNONYM_KEYWORD_WEIGHT = 0.5  # BM25 weight of same-language synonyms the reader did not write
HYBRID_RRF_K = 20
TITLE_MATCH_WEIGHT = 0.5  # a third ranking: candidates by the query terms their document's title names
VERSION_TITLE_OVERLAP = 0.5  # two titles sharing half their terms name versions of one page
VERSION_SHARE = 0.5  # ... and the title ranking applies when at least this share of candidates has such a twin
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


@dataclass(frozen=True)
class DocumentChange:
    """A document to publish (new or changed) with its chunks."""

    document: DocumentRow
    chunks: Sequence[ChunkRow]


def embedding_text(title: str, heading: str, text: str) -> str:
    """What the dense model sees: the chunk with its title and heading path, which carry its topic."""
    context = " > ".join(part for part in (title, heading) if part)
    return f"{context}\n{text}" if context else text


class KnowledgeIndex:
    """Catalog (truth) + Chroma (dense) + BM25 (keyword), kept consistent by `apply`."""

    def __init__(self, directory: Path, embedder: Embedder, chroma_url: str | None = None,
                 tokenizer: Tokenizer | None = None, reranker: Reranker | None = None,
                 namespace: str = "mentor", embedding_cache: Path | None = None,
                 lexicon: Lexicon | None = None) -> None:
        self.directory = directory
        self.embedder = embedder
        self.tokenizer = tokenizer or Tokenizer()
        self.reranker = reranker
        self.lexicon = lexicon if lexicon is not None else Lexicon.load()
        self._query_vectors: dict[str, np.ndarray] = {}
        self._query_lock = threading.Lock()
        # (vector bytes, audience tags, keyword generation) -> (n asked, nearest visible chunks): search and the
        # answer's evidence profile ask Chroma about the same question vector; the second asks for fewer
        self._neighbours: dict[tuple[bytes, frozenset[str], str | None], tuple[int, list[DenseHit]]] = {}
        # the translation's embedding runs beside the query's when the embedder allows concurrent calls
        self._spare_core = SpareCore() if getattr(embedder, "concurrent_queries", False) else SpareCore(0)
        self._titles: dict[str, tuple[str, frozenset[str]]] = {}
        self._titles_generation: str | None = None
        self.catalog = Catalog(directory / "catalog.sqlite3")
        self._cache = EmbeddingCache(embedding_cache or directory / "embedding_cache.sqlite3")
        self._translations = TranslationVectors(self.lexicon, lambda text: self.embedder.embed_query(text), self._cache,
                                                f"{embedder.name}|lexicon-entry",
                                                ShippedVectors(shipped_path(embedder.name)))
        self._vectors = VectorStore(make_chroma_client(directory / "chroma", chroma_url), embedder, namespace)
        self._keywords = KeywordSearcher(directory / "keyword")

    # ---- write side -------------------------------------------------------------------------------------------

    def apply(self, changes: Sequence[DocumentChange], removals: Sequence[str] = ()) -> None:
        """Publish changed documents and drop removed ones with no window where a document is unsearchable.

        Order: new vectors in (invisible until published) -> keyword index over old+new -> catalog swap per
        document (atomic) -> keyword index over what is published -> old vectors out."""
        if not changes and not removals:
            return
        touched: set[str] = set()
        for change in changes:
            touched.update(self.catalog.chunk_ids(change.document.source))
        touched.update(c.chunk_id for change in changes for c in change.chunks)
        try:
            self._add_vectors(changes)
            if changes:
                self._rebuild_keywords(extra=changes)
            for change in changes:
                self.catalog.publish(change.document, change.chunks)
            for source in removals:
                touched.update(self.catalog.unpublish(source))
        finally:  # even after a failure, the stores keep only what the catalog publishes
            self._rebuild_keywords()
            stale = sorted(touched - set(self.catalog.chunks(touched)))
            if stale:
                self._vectors.delete(stale)

    @contextmanager
    def write_lock(self) -> Iterator[None]:
        """One writer at a time across processes (CLI ingest, API jobs, workers) on this index directory."""
        self.directory.mkdir(parents=True, exist_ok=True)
        with (self.directory / "write.lock").open("w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def ensure_vectors(self, sources: Sequence[str]) -> int:
        """Embed published chunks that lack a vector (e.g. after switching embedders); returns how many."""
        changes = []
        for source in sources:
            document = self.catalog.document(source)
            if document is not None:
                changes.append(DocumentChange(document, self.catalog.chunks_of([source])))
        return self._add_vectors(changes)

    def passages_to_embed(self, changes: Sequence[DocumentChange]) -> list[tuple[str, str]]:
        """(text hash, text) of chunks in `changes` with neither a vector nor a cached one: what apply would embed."""
        items = [(c, change.document) for change in changes for c in change.chunks]
        present = self._vectors.existing([c.chunk_id for c, _ in items])
        texts: dict[str, str] = {}
        for chunk, document in items:
            if chunk.chunk_id not in present:
                text = embedding_text(document.title, chunk.heading, chunk.text)
                texts.setdefault(hashlib.sha1(text.encode("utf-8")).hexdigest(), text)
        cached = self._cache.get(self.embedder.name, list(texts))
        return [(text_hash, text) for text_hash, text in texts.items() if text_hash not in cached]

    def remember_passage_vectors(self, items: Sequence[tuple[str, np.ndarray]]) -> None:
        """Passage vectors computed elsewhere (ingest's embedding processes), keyed as passages_to_embed keys them."""
        self._cache.put(self.embedder.name, items)

    def _add_vectors(self, changes: Sequence[DocumentChange]) -> int:
        """Embed only chunks without a vector, reusing cached vectors of identical text; returns how many."""
        items = [(c, change.document) for change in changes for c in change.chunks]
        present = self._vectors.existing([c.chunk_id for c, _ in items])
        todo = [(c, d) for c, d in items if c.chunk_id not in present]
        if not todo:
            return 0
        texts = [embedding_text(d.title, c.heading, c.text) for c, d in todo]
        hashes = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        cached = self._cache.get(self.embedder.name, hashes)
        need = [i for i, h in enumerate(hashes) if h not in cached]
        if need:
            fresh = self.embedder.embed_passages([texts[i] for i in need])
            computed = [(hashes[i], fresh[j]) for j, i in enumerate(need)]
            self._cache.put(self.embedder.name, computed)
            cached.update(computed)
        vectors = np.vstack([cached[h] for h in hashes])
        metadatas = [{"source": d.source, **{f"aud_{tag}": True for tag in d.audience}} for _, d in todo]
        self._vectors.add([c.chunk_id for c, _ in todo], vectors, metadatas)
        return len(todo)

    def _rebuild_keywords(self, extra: Sequence[DocumentChange] = ()) -> None:
        """BM25 over the published chunks, plus chunks about to be published."""
        ids, tokens, audiences = self.catalog.all_for_keyword_index()
        seen = set(ids)
        for change in extra:
            for chunk in change.chunks:
                if chunk.chunk_id not in seen:
                    ids.append(chunk.chunk_id)
                    tokens.append(list(chunk.tokens))
                    audiences.append(change.document.audience)
        self._keywords.rebuild(ids, tokens, audiences)

    # ---- read side --------------------------------------------------------------------------------------------

    def search(self, query: str, audience: Audience | None = None, k: int = 5, mode: str = "hybrid") -> list[Passage]:
        """Top-k passages the reader may see, best first, each with what a citation needs."""
        if mode not in MODES:
            raise ValueError(f"unknown search mode {mode!r}; use one of {', '.join(MODES)}")
        audience = audience or Audience.everyone()
        query = query.strip()
        if not query:
            return []
        checkpoint("retrieval")  # a turn past its deadline stops here, and before each step below
        pool = max(4 * k, 30)
        dense_rank: list[str] = []
        dense_scores: dict[str, float] = {}
        keyword_rank: list[str] = []
        keyword_scores: dict[str, float] = {}
        translation = self.lexicon.translate(query)
        dense = mode in ("hybrid", "dense")
        # the translation is embedded on a spare core (if one is free) while this thread embeds the query
        translation_vector = self._start_translation_vector(query) if dense and translation else None
        query_vector = self.query_vector(query) if dense else None
        checkpoint("keyword search")
        keyword_query = self._keyword_query(query, translation) if mode in ("hybrid", "bm25") else {}
        if keyword_query:
            for kw_hit in self._keywords.top(keyword_query, pool, audience.tags):
                keyword_rank.append(kw_hit.chunk_id)
                keyword_scores[kw_hit.chunk_id] = kw_hit.score
        if query_vector is not None:
            # hybrid ranks by position only: the cosine of a hit only the translation found is looked up for the
            # passages returned (_fill_dense_scores), not for every candidate
            dense_rank, dense_scores = self._dense(query_vector, translation_vector, pool, audience,
                                                   all_scores=mode == "dense")
        published = self.catalog.chunks(dict.fromkeys(dense_rank + keyword_rank), tokens=False)
        if mode == "dense":
            fused = [(cid, dense_scores[cid]) for cid in dense_rank]
        elif mode == "bm25":
            fused = [(cid, keyword_scores[cid]) for cid in keyword_rank]
        else:
            rankings, weights = [dense_rank, keyword_rank], [DENSE_WEIGHT, KEYWORD_WEIGHT]
            titled = self._title_ranking(query, keyword_query, list(dict.fromkeys(dense_rank + keyword_rank)),
                                         published)
            if titled:
                rankings.append(titled)
                weights.append(TITLE_MATCH_WEIGHT)
            fused = reciprocal_rank_fusion(rankings, weights, k=HYBRID_RRF_K)
        documents = self.catalog.documents_of({c.source for c in published.values()})
        passages = []
        for cid, score in fused:
            chunk = published.get(cid)
            if chunk is None or chunk.source not in documents:
                continue  # a vector or keyword entry of a version that is not (or no longer) published
            document = documents[chunk.source]
            if not audience.tags.intersection(document.audience):
                continue  # defence in depth: the stores already filtered by audience
            passages.append(_passage(chunk, document, score, dense_scores.get(cid), keyword_scores.get(cid)))
            if len(passages) == k and self.reranker is None:
                break  # without a reranker the first k visible passages are the answer
        if self.reranker is not None:
            checkpoint("reranking")
            if query_vector is not None:
                passages = self._fill_dense_scores(passages, query_vector)
            passages = self.reranker.rerank(query, passages)
        passages = passages[:k]
        if query_vector is not None:
            passages = self._fill_dense_scores(passages, query_vector)
        return passages

    def _title_ranking(self, query: str, terms: Mapping[str, float], candidates: list[str],
                       chunks: Mapping[str, ChunkRow] | None = None) -> list[str]:
        """Candidates ordered by how much of the query their document's title names (year, site, department...).

        Archives hold one page per year and department written from one template; the body text barely differs,
        the title says which version it is. A year the query names that the title contradicts ranks last."""
        if not TITLE_MATCH_WEIGHT:
            return []
        generation = self._keywords.generation
        if generation != self._titles_generation:  # something was published (maybe by another process)
            self._titles.clear()
            self._titles_generation = generation
        if chunks is None:  # search passes the candidates' rows it has already read
            chunks = self.catalog.chunks(candidates, tokens=False)
        titles = {src: self._title_terms(src) for src in {c.source for c in chunks.values()}}
        if not _versions_among(set(titles.values())):
            return []  # distinct topics: the titles are already in the BM25 text, counting them again only adds noise
        idf = self._keywords.idfs(terms)
        years = set(_YEAR.findall(query))
        by_source = {}
        for source, (title, title_terms) in titles.items():
            title_years = set(_YEAR.findall(title))
            clash = bool(years and title_years and not years & title_years)
            by_source[source] = (clash, -sum(idf[t] for t in title_terms if t in idf))
        scored = [(*by_source[chunks[cid].source], position, cid) for position, cid in enumerate(candidates)
                  if cid in chunks]
        return [item[3] for item in sorted(scored)]

    def _title_terms(self, source: str) -> tuple[str, frozenset[str]]:
        """A document's title and its terms, remembered until the keyword index's next generation."""
        cached = self._titles.get(source)
        if cached is None:
            document = self.catalog.document(source)
            title = document.title if document else ""
            cached = (title, frozenset(self.tokenizer.tokens(title)))
            if len(self._titles) >= 50_000:
                self._titles.clear()
            self._titles[source] = cached
        return cached

    def _keyword_query(self, query: str, translation: str) -> dict[str, float]:
        """The reader's own terms at full weight; lexicon translations and synonyms (年假 -> 年休假) count less."""
        weights = dict.fromkeys(self.tokenizer.tokens(translation), TRANSLATED_KEYWORD_WEIGHT)
        for term in self.tokenizer.tokens(self.lexicon.synonyms(query)):
            weights.setdefault(term, SYNONYM_KEYWORD_WEIGHT)
        weights.update(dict.fromkeys(self.tokenizer.tokens(query), 1.0))
        return weights

    def _start_translation_vector(self, query: str) -> np.ndarray | Future | None:
        """The translation's vector, composed from its lexicon entries' kept vectors (retrieval/translation_vectors.py);
        entries never met before are embedded on a spare core (a future) if one is free, else here."""
        if not self._translations.missing(self._translations.entries(query)):
            return self._translation_vector(query)
        # the helper runs in this turn's context, so a cancelled turn stops it at its checkpoint too
        future = self._spare_core.try_submit(contextvars.copy_context().run, self._translation_vector, query)
        return future if future is not None else self._translation_vector(query)

    def _translation_vector(self, query: str) -> np.ndarray | None:
        """The composed vector, for search only: the answer's sentence ranking and cross-language agreement compare
        the translation's own embedding with quotes (their thresholds were set on it), embedded when one needs it."""
        checkpoint("translation vector")
        return self._translations.vector(query)

    def warm_translations(self) -> int:
        """Embed every lexicon entry not yet kept, so no search embeds a translation (`mentor ingest` calls this)."""
        return self._translations.warm()

    def query_vector(self, text: str) -> np.ndarray:
        """Embed a query once even when routing, search and relevance checks all need it (routing reads the NFKC
        form of a message, search the original: one vector serves both when the embedder folds NFKC itself)."""
        vector = self._query_vectors.get(self._query_key(text))
        if vector is None:
            checkpoint("query embedding")
            vector = self.embedder.embed_query(text)
            self._remember_query_vector(text, vector)
        return vector

    def _query_key(self, text: str) -> str:
        """Texts equal under NFKC share one vector when the embedder folds NFKC itself."""
        return unicodedata.normalize("NFKC", text) if getattr(self.embedder, "folds_nfkc", False) else text

    def _remember_query_vector(self, text: str, vector: np.ndarray) -> None:
        """Keep a query vector for the rest of the turn (and the next few), at most 256 of them."""
        key = self._query_key(text)
        with self._query_lock:
            if key not in self._query_vectors and len(self._query_vectors) >= 256:
                self._query_vectors.pop(next(iter(self._query_vectors), None), None)
            self._query_vectors[key] = vector

    @property
    def encoder_name(self) -> str:
        """Key for query-mode vectors (e5 embeds queries and passages differently)."""
        return f"{self.embedder.name}|query"

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Query vectors for many short texts (e.g. routing examples), kept in the persistent embedding cache."""
        return self._persistent_query_vectors(texts, self.encoder_name)

    def kept_query_vector(self, text: str) -> np.ndarray:
        """The query vector of a text made of lexicon terms (a question's translation, its known terms): such texts
        recur across questions on one topic, so their vectors are kept in the persistent cache, not only for a turn
        (the answer's sentence ranking and cross-language checks compare them with quotes on most knowledge turns)."""
        vector = self._query_vectors.get(self._query_key(text))
        if vector is None:
            checkpoint("query embedding")
            vector = self._persistent_query_vectors([text], self.translation_encoder_name)[0]
            self._remember_query_vector(text, vector)
        return vector

    def _persistent_query_vectors(self, texts: Sequence[str], cache_name: str) -> np.ndarray:
        """Query vectors from the persistent cache under `cache_name`; the ones missing are embedded and kept."""
        if not texts:
            return np.zeros((0, self.embedder.dim), dtype=np.float32)
        hashes = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        cached = self._cache.get(cache_name, hashes)
        computed = [(h, self.embedder.embed_query(t)) for h, t in zip(hashes, texts, strict=True) if h not in cached]
        if computed:
            self._cache.put(cache_name, computed)
            cached.update(computed)
        return np.vstack([cached[h] for h in hashes])

    @property
    def translation_encoder_name(self) -> str:
        """Cache key of kept_query_vector's vectors (kept apart, so they can be dropped on their own)."""
        return f"{self.embedder.name}|translation"

    def passage_similarities(self, query: str, texts: Sequence[str], kept: bool = False) -> list[float]:
        """Cosine of the query to short texts embedded as passages (sentences to quote), via the embedding cache;
        kept=True: the query is made of lexicon terms and its vector is kept too (kept_query_vector).

        Sentences embed once per text ever: the persistent cache keys them by embedder and text hash, like chunks."""
        if not texts:
            return []
        hashes = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        cached = self._cache.get(self.embedder.name, hashes)
        need = [i for i, h in enumerate(hashes) if h not in cached]
        if need:
            checkpoint("sentence embedding")
            fresh = self.embedder.embed_passages([texts[i] for i in need])
            computed = [(hashes[i], fresh[j]) for j, i in enumerate(need)]
            self._cache.put(self.embedder.name, computed)
            cached.update(computed)
        query_vector = self.kept_query_vector(query.strip()) if kept else self.query_vector(query.strip())
        return [float(np.dot(cached[h], query_vector)) for h in hashes]

    def clear_query_cache(self, translations: bool = False) -> None:
        """Forget cached query vectors, and with translations=True the kept vectors of lexicon entries too
        (benchmarks measure the cost on an index whose lexicon was never warmed)."""
        with self._query_lock:
            self._query_vectors.clear()
            self._neighbours.clear()
        if translations:
            self._translations.forget()
            self._cache.drop(self.translation_encoder_name)

    def dense_profile(self, query: str, audience: Audience | None = None, n: int = 30) -> list[float]:
        """Cosine similarities of the n nearest visible chunks, best first: how peaked the evidence is."""
        checkpoint("dense profile")
        hits = self._nearest([self.query_vector(query.strip())], n, (audience or Audience.everyone()).tags,
                             reuse=True)[0]
        published = self.catalog.chunks((h.chunk_id for h in hits), tokens=False)
        return [h.similarity for h in hits if h.chunk_id in published]

    def _dense(self, query_vector: np.ndarray, translation_vector: np.ndarray | Future | None, pool: int,
               audience: Audience, all_scores: bool = True) -> tuple[list[str], dict[str, float]]:
        """Nearest chunks for the query, fused with those for its translation when the lexicon knows its terms.

        The scores are the query's cosines; with all_scores=False a chunk only the translation found has none."""
        if isinstance(translation_vector, Future):
            translation_vector = translation_vector.result()
        if translation_vector is None:
            hits = self._nearest([query_vector], pool, audience.tags)[0]
            return [h.chunk_id for h in hits], {h.chunk_id: h.similarity for h in hits}
        # both neighbour lists in one Chroma call (its fixed cost per call is paid once)
        hits, translated = self._nearest([query_vector, translation_vector], pool, audience.tags)
        scores = {h.chunk_id: h.similarity for h in hits}
        fused = reciprocal_rank_fusion([[h.chunk_id for h in hits], [h.chunk_id for h in translated]],
                                       [1.0, TRANSLATED_DENSE_WEIGHT], k=TRANSLATION_RRF_K)
        if all_scores:
            missing = [cid for cid, _ in fused if cid not in scores]
            scores.update(self._vectors.similarities(missing, query_vector))
        return [cid for cid, _ in fused], scores

    def _nearest(self, vectors: Sequence[np.ndarray], n: int, tags: frozenset[str],
                 reuse: bool = False) -> list[list[DenseHit]]:
        """The n nearest visible chunks per vector, asked of Chroma in one call and remembered; with reuse=True
        (the evidence profile) a vector already asked for at least n in this keyword generation is not asked again
        (the first n of a longer answer are the same chunks). Search always asks: during an ingest, neighbours
        remembered before the new version's vectors went in would miss it once the catalog publishes it."""
        generation = self._keywords.generation
        keys = [(np.asarray(v, dtype=np.float32).tobytes(), tags, generation) for v in vectors]
        with self._query_lock:
            known = [self._neighbours.get(key) for key in keys]
        out: list[list[DenseHit] | None] = [found[1][:n] if reuse and found is not None and found[0] >= n else None
                                            for found in known]
        missing = [i for i, hits in enumerate(out) if hits is None]
        if missing:
            fresh = self._vectors.query_many([vectors[i] for i in missing], n, tags)
            with self._query_lock:
                for i, hits in zip(missing, fresh, strict=True):
                    out[i] = hits
                    if len(self._neighbours) >= 64:
                        self._neighbours.pop(next(iter(self._neighbours)), None)
                    self._neighbours[keys[i]] = (n, hits)
        return out

    def _fill_dense_scores(self, passages: list[Passage], query_vector: np.ndarray) -> list[Passage]:
        """Give keyword-only hits their cosine too, so callers can judge every passage the same way."""
        missing = [p.chunk_id for p in passages if p.dense_score is None]
        if not missing:
            return passages
        sims = self._vectors.similarities(missing, query_vector)
        return [replace(p, dense_score=sims.get(p.chunk_id)) if p.dense_score is None else p for p in passages]

    def passages(self, course: str | None = None, source: str | None = None, audience: Audience | None = None,
                 limit: int = 500) -> list[Passage]:
        """Chunks of a course's (or one source's) documents in reading order, for quizzes and summaries."""
        audience = audience or Audience.everyone()
        documents = [d for d in self.catalog.documents()
                     if (course is None or (d.course or "").upper() == course.upper())
                     and (source is None or d.source == source)
                     and audience.tags.intersection(d.audience)]
        by_source = {d.source: d for d in documents}
        chunks = self.catalog.chunks_of([d.source for d in documents])
        return [_passage(c, by_source[c.source], 1.0, None, None) for c in chunks[:limit]]

    def keyword_idf(self, term: str) -> float:
        """How rare a term is in the published material (for relevance checks)."""
        return self._keywords.idf(term)

    def keyword_idfs(self, terms: Iterable[str]) -> dict[str, float]:
        """`keyword_idf` of several terms from one keyword generation (spelling checks look up hundreds)."""
        return self._keywords.idfs(terms)

    def stats(self) -> dict[str, int]:
        """Counts for status output and benchmarks."""
        documents, chunks = self.catalog.stats()
        return {"documents": documents, "chunks": chunks, "vectors": self._vectors.count(),
                "keyword_chunks": self._keywords.size}

    def close(self) -> None:
        """Release the catalog and cache files."""
        self._spare_core.close()
        self.catalog.close()
        self._cache.close()


def _versions_among(titles: set[tuple[str, frozenset[str]]]) -> bool:
    """True when most candidate documents have a near-twin title (the same page for another year, site or team)."""
    sets = [terms for title, terms in titles if title]
    if len(sets) < 2:
        return False
    twins = sum(1 for i, a in enumerate(sets)
                if any(len(a & b) / max(len(a | b), 1) >= VERSION_TITLE_OVERLAP for j, b in enumerate(sets) if j != i))
    return twins / len(sets) >= VERSION_SHARE


def _passage(chunk: ChunkRow, document: DocumentRow, score: float, dense: float | None,
             keyword: float | None) -> Passage:
    return Passage(chunk_id=chunk.chunk_id, text=chunk.text, score=float(score), source=chunk.source,
                   title=document.title, heading=chunk.heading, page=chunk.page, course=document.course,
                   language=chunk.language, dense_score=dense, keyword_score=keyword)
