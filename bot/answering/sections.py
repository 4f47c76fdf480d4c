"""The other sections of a document the search found in the other language, as candidates for the answer.

For a question in one language about a document in the other, the search often finds the right document through the
lexicon translation but not the section that answers: the question's cosine to every section of that document is
low (e5's same-language lead), so the answering section ranks below other material (round 8: 12 of 14 sample-KB
cross-language misses whose answer was in no retrieved passage had that document among the passages)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from retrieval.index import embedding_text
from retrieval.types import Passage

SectionsOf = Callable[[str], list[Passage]]
Similarities = Callable[[Sequence[str]], list[float]]


def with_sections(passages: Sequence[Passage], language: str, sections_of: SectionsOf, similarities: Similarities,
                  documents: int, per_document: int) -> list[Passage]:
    """`passages`, then the other sections of the first `documents` documents among them written in the other
    language than the question's, each scored by the question's cosine (dense_score; at most the document's best
    found passage's), the `per_document` closest.
    `sections_of(source)`: a document's passages in reading order, as the reader may see them; `similarities`:
    the question's cosine to texts embedded as chunks are (embedding_text), from the embedding cache."""
    if documents <= 0:
        return list(passages)
    seen = {p.chunk_id for p in passages}
    sources = list(dict.fromkeys(p.source for p in passages if p.language != language))[:documents]
    added: list[Passage] = []
    for source in sources:
        rest = [p for p in sections_of(source) if p.chunk_id not in seen]
        if not rest:
            continue
        cosines = similarities([embedding_text(p.title, p.heading, p.text) for p in rest])
        closest = sorted(zip(cosines, range(len(rest)), strict=True), reverse=True)[:per_document]
        # never above the document's best found passage: a section the search did not find must not move the
        # language levelling (compose._language_lift), which is measured on what it found
        ceiling = max((p.dense_score or 0.0) for p in passages if p.source == source)
        added += [replace(rest[i], dense_score=min(cosine, ceiling), score=0.0) for cosine, i in closest]
    return list(passages) + added
