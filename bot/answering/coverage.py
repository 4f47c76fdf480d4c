"""How much of a question a piece of text covers, across Chinese and English."""

from __future__ import annotations

import re

from retrieval.language import detect_language


class QuestionCoverage:
    """Built once per question; `of(text)` scores any passage or sentence against it (0..1).

    Same language: IDF-weighted share of the question's terms in the text. Other language: the lexicon's
    translations of the question's phrases (matched as text) plus the words it could not translate."""

    def __init__(self, index, question: str) -> None:
        self._index = index
        self._terms = list(dict.fromkeys(index.tokenizer.tokens(question)))
        self._groups, residual = index.lexicon.translate_groups(question)
        self._residual = list(dict.fromkeys(index.tokenizer.tokens(residual)))
        self.language = detect_language(question)
        self._group_weights = [max(max((index.keyword_idf(t) for t in index.tokenizer.tokens(alt)), default=0.0)
                                   for alt in group) for group in self._groups]

    def of(self, text: str, language: str | None = None) -> float:
        """Coverage of the question by `text` (the better of the two views when languages differ)."""
        terms = set(self._index.tokenizer.tokens(text))
        idf = self._index.keyword_idf
        same = _weighted_share([(idf(t), t in terms) for t in self._terms])
        if not self._groups or (language or detect_language(text)) == self.language:
            return same
        lowered = text.lower()
        pairs = [(w, any(_contains(lowered, a.lower()) for a in group))
                 for w, group in zip(self._group_weights, self._groups, strict=True)]
        pairs += [(idf(t), t in terms) for t in self._residual]
        return max(same, _weighted_share(pairs))


def _weighted_share(pairs: list[tuple[float, bool]]) -> float:
    """Weighted share of hits among (weight, hit) pairs; weights are IDFs, so unseen terms weigh most."""
    total = sum(w for w, _ in pairs)
    return sum(w for w, hit in pairs if hit) / total if total else 0.0


def _contains(text: str, phrase: str) -> bool:
    """Chinese phrases match as substrings; English ones only as whole words ('hr' is not in 'three')."""
    if not phrase.isascii():
        return phrase in text
    return re.search(rf"(?<![a-z0-9]){re.escape(phrase)}", text) is not None
