"""Embedder input is cut to the longest prefix the model reads in one pass."""

from retrieval.embedders.truncate import cut_to_chars, cut_to_tokens


def words(text: str) -> int:
    """A stand-in tokenizer: one token per word plus two special tokens."""
    return len(text.split()) + 2


def test_short_text_is_returned_without_counting():
    calls = []
    assert cut_to_tokens("a b c", 10, lambda t: calls.append(t) or 0) == "a b c"
    assert calls == []


def test_long_text_is_cut_to_the_longest_prefix_that_fits():
    text = " ".join(f"w{i}" for i in range(100))
    cut = cut_to_tokens(text, 12, words)
    assert words(cut) <= 12
    assert words(text[: len(cut) + 2]) > 12  # one more word would not fit
    assert text.startswith(cut)


def test_text_that_fits_by_tokens_is_kept_whole():
    text = "longword " * 20
    assert cut_to_tokens(text, 30, words) == text


def test_char_bound():
    assert cut_to_chars("abcdef", 4) == "abcd"
    assert cut_to_chars("ab", 4) == "ab"
