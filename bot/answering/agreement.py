"""Does a quote in the other language answer the question? Asked in the quote's own language, via the lexicon.

The multilingual embedder scores any sentence in the question's language above any in the other (a Chinese question:
0.86-0.89 to every Chinese sentence, 0.78-0.84 to English ones), so the question's own cosine cannot tell a right
English quote from a wrong one. The question's lexicon translation, compared with the quoted sentence in that
sentence's language, has no such lead: on the dev sets it separates answerable from out-of-scope questions whose
quote is in the other language far better than the cosine evidence (relevance.RelevancePolicy.cross_accept)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.answering.compose import Pick, quote_context

AGREEMENT_WITH_COURSE_TITLE = True


def cross_agreement(index, translation: str, picks: Sequence[Pick], language: str,
                    course: str | None = None) -> dict[str, float]:
    """{"cross_agreement": cosine of the translated question to the best quoted sentence} when that sentence is in
    the other language and the lexicon translated part of the question; otherwise nothing. `course`: the course the
    question is about; a sentence from that course's own page is read with the page's title ("Prompt Engineering
    Fundamentals (AI-101)" + "It takes about 2 hours…"), since the question named the course and the sentence,
    written under the title, does not repeat it."""
    if not translation or not picks:
        return {}
    best = max(picks, key=lambda p: p.score)
    if best.passage.language == language:
        return {}
    context = quote_context(best)
    if AGREEMENT_WITH_COURSE_TITLE and course and (getattr(best.passage, "course", None) or "").upper() == course.upper():
        context = f"{best.passage.title}\n{context}"
    return {"cross_agreement": index.passage_similarities(translation, [context], kept=True)[0]}


def quote_similarity(index, question: str, picks: Sequence[Pick]) -> dict[str, float]:
    """{"sentence_similarity": the question's own cosine to the best quoted sentence (heading + sentence)}: with the
    translated agreement above it tells an English question's right Chinese quote from a loosely related one
    (relevance.lacks_cross_support); the embedding is cached from the sentence choice, so this costs one lookup."""
    if not picks:
        return {}
    best = max(picks, key=lambda p: p.score)
    return {"sentence_similarity": index.passage_similarities(question, [quote_context(best)])[0]}
