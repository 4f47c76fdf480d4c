"""Text helpers shared by quiz generation and checking: normalising, sentence splitting, term lists."""

from __future__ import annotations

import re
import unicodedata

from knowledge.sentences import split_sentences

_SPACES = re.compile(r"\s+")
_MARKDOWN = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+|[*_`#>]+")


def normalise(text: str) -> str:
    """One comparable form: NFKC, lower case, single spaces, no Markdown marks, no trailing punctuation."""
    text = unicodedata.normalize("NFKC", text)
    text = _MARKDOWN.sub("", text)
    return _SPACES.sub(" ", text).strip().lower().rstrip("。.!！;；")


def sentences_of(text: str) -> list[str]:
    """Sentences of a chunk, each stripped of list bullets and Markdown."""
    out = []
    for sentence in split_sentences(text):
        cleaned = _MARKDOWN.sub("", sentence).strip()
        if cleaned:
            out.append(cleaned)
    return out


def contains(haystack: str, needle: str) -> bool:
    """True when the needle appears in the haystack once both are normalised."""
    return bool(needle.strip()) and normalise(needle) in normalise(haystack)
