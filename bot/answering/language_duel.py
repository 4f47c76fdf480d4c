"""Between the best sentence in the question's language and the best in the other, decide on even terms.

The multilingual embedder scores any sentence in the question's own language 0.07-0.09 above one in the other
language, whatever they say, so a Chinese question about a rule written only in English quotes the nearest Chinese
sentence on a neighbouring topic. Comparing each of the two candidates with the question's lexicon terms written in
the OTHER language from it (the English terms against the Chinese sentence, the Chinese terms against the English
one) makes both comparisons cross-language, so neither has that lead (dev: eval/results/answer_tuning.txt §11)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.answering.compose import Pick, quote_context

Similarity = Callable[[Sequence[str]], list[float]]

MARGIN = 0.0  # the other-language sentence must be closer to the question's terms by more than this (dev §11)
SCORE_GAP = 0.8  # ... and not far behind on the sentence score
SAME_LANGUAGE_LEAD = 0.08  # a question-language sentence whose own cosine leads by more than the embedder's usual
# same-language lead is closer for a reason, and stays
# question languages the duel runs for: measured both ways on dev, English questions lost two monolingual answers and
# gained none (for them the translated similarity in compose.rank_sentences already lifts the right Chinese sentence)
LANGUAGES = ("zh",)


def prefer_other_language(ranked: Sequence[Pick], language: str, similarity: Similarity,
                          translated_similarity: Similarity, own_similarity: Similarity,
                          floor: float = 0.0, covers: Callable[[Pick], float] | None = None) -> list[Pick]:
    """`ranked`, with the best other-language sentence moved to the front when the cross-language comparison
    prefers it. `similarity`: the question's cosine; `translated_similarity`: its lexicon translation's;
    `own_similarity`: its lexicon terms in its own language; `floor`: the translation's least cosine to that sentence
    (below it the cross-language agreement would reject the quote, so the switch would only make the answer abstain);
    `covers`: the share of the question's terms a sentence holds (lexicon translations included), which must not be
    nil for the other-language sentence (a rule that names nothing the question asks about answers it by accident)."""
    if language not in LANGUAGES:
        return list(ranked)
    ranked = list(ranked)
    own = next((p for p in ranked if p.passage.language == language), None)
    other = next((p for p in ranked if p.passage.language != language), None)
    if own is None or other is None or ranked[0] is other or own.score - other.score > SCORE_GAP:
        return ranked
    if covers is not None and covers(other) <= 0.0:
        return ranked
    own_text, other_text = quote_context(own), quote_context(other)
    own_cosine, other_cosine = similarity([own_text, other_text])
    if own_cosine - other_cosine > SAME_LANGUAGE_LEAD:
        return ranked
    own_to_translation, other_to_translation = translated_similarity([own_text, other_text])
    if other_to_translation < floor or own_similarity([other_text])[0] <= own_to_translation + MARGIN:
        return ranked
    return [other] + [p for p in ranked if p is not other]
