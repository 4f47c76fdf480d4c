"""Does a quote in the other language answer the question? Asked in the quote's own language, via the lexicon.

The multilingual embedder scores any sentence in the question's language above any in the other (a Chinese question:
0.86-0.89 to every Chinese sentence, 0.78-0.84 to English ones), so the question's own cosine cannot tell a right
English quote from a wrong one. The question's lexicon translation, compared with the quoted sentence in that
sentence's language, has no such lead: on the dev sets it separates answerable from out-of-scope questions whose
quote is in the other language far better than the cosine evidence (relevance.RelevancePolicy.cross_accept)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.answering.compose import Pick, quote_context


def cross_agreement(index, translation: str, picks: Sequence[Pick], language: str) -> dict[str, float]:
    """{"cross_agreement": cosine of the translated question to the best quoted sentence} when that sentence is in
    the other language and the lexicon translated part of the question; otherwise nothing."""
    if not translation or not picks:
        return {}
    best = max(picks, key=lambda p: p.score)
    if best.passage.language == language:
        return {}
    return {"cross_agreement": index.passage_similarities(translation, [quote_context(best)], kept=True)[0]}


def quote_similarity(index, question: str, picks: Sequence[Pick]) -> dict[str, float]:
    """{"sentence_similarity": the question's own cosine to the best quoted sentence (heading + sentence)}: with the
    translated agreement above it tells an English question's right Chinese quote from a loosely related one
    (relevance.lacks_cross_support); the embedding is cached from the sentence choice, so this costs one lookup."""
    if not picks:
        return {}
    best = max(picks, key=lambda p: p.score)
    return {"sentence_similarity": index.passage_similarities(question, [quote_context(best)])[0]}
