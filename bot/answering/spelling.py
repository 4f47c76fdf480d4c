"""Typo tolerance: an English word the material never uses, one edit away from a word it does use, is read as that
word ("and the referal bonus?" asks about the referral bonus; spelt as typed it named a kind the material never
names, and abstained)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

MIN_LENGTH = 6  # shorter words have too many neighbours one edit away ("gym" -> "gmy", "visa" -> "visit")
_WORD = re.compile(r"[A-Za-z]+(?:[-'][A-Za-z]+)*")  # "non-compete" is one word, not "non" and "compete"
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def one_edit(word: str) -> set[str]:
    """Every spelling one deletion, transposition, replacement or insertion away (Norvig's edits1)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return (deletes | transposes | replaces | inserts) - {word}


def corrected(question: str, stem: Callable[[str], str | None],
              idfs: Callable[[Iterable[str]], dict[str, float]], unseen_idf: float,
              known: Callable[[str], bool] = lambda word: False) -> str:
    """The question with each long English word the index never saw replaced by the most common indexed word one
    edit away, keeping its first letter (typos rarely change it, and a different word usually does); words with no
    such neighbour, words `known` otherwise (the bilingual lexicon: an English question about Chinese material uses
    words no page holds, "trainer" for 讲师, and "trained" is one edit away), and every Chinese character, stay as
    written."""
    def seen(value: float | None) -> bool:
        return value is not None and value < unseen_idf - 1e-6

    out, last = [], 0
    for match in _WORD.finditer(question):
        word = match.group(0)
        lower = word.lower()
        own = stem(lower)
        if len(lower) < MIN_LENGTH or not lower.isalpha() or own is None or seen(idfs([own]).get(own)) \
                or known(lower):  # (a compound or a contraction is left as written)
            continue
        stems: dict[str, str] = {}
        for candidate in one_edit(lower):
            if candidate[0] != lower[0]:
                continue  # another first letter is usually another word
            key = stem(candidate)
            if key is not None and lower.startswith(key) and len(lower) - len(key) <= 1:
                continue  # the word is an indexed stem plus one letter: an inflection the stemmer keeps apart
                # ("reimburse" / "reimburses"), which the search already treats as it always did
            if key is not None and len(key) >= len(lower) - 2:
                stems.setdefault(key, candidate)  # (an edit that makes a suffix the stemmer cuts, "housing" ->
                # "houring" -> hour, "parking" -> "parting" -> part, is no typo of an indexed word)
        rarity = idfs(stems)
        near = [(value, spelling) for key, spelling in stems.items() if seen(value := rarity.get(key))]
        if not near:
            continue
        best = min(near)[1]
        out.append(question[last:match.start()] + (best if word.islower() else best.capitalize()))
        last = match.end()
    return "".join(out) + question[last:] if out else question


def spelled(index, question: str) -> str:
    """`corrected` against what the index holds (its tokenizer's stems, its keyword IDFs)."""
    def stem(word: str) -> str | None:
        terms = index.tokenizer.tokens(word)
        return terms[0] if len(terms) == 1 else None

    def in_lexicon(word: str) -> bool:
        return index.lexicon.knows_word(word)

    return corrected(question, stem, index.keyword_idfs, index.keyword_idf("\u0000never-indexed\u0000"),
                     in_lexicon)
