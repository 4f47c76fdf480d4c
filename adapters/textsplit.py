"""Split long answers into parts that fit a platform limit, on line, then character, boundaries."""

from __future__ import annotations

from collections.abc import Callable


def split_by(text: str, limit: int, size: Callable[[str], int]) -> list[str]:
    """Greedy split: whole lines while they fit, else whole characters; `size` measures (chars or UTF-8 bytes)."""
    if limit <= 0:
        raise ValueError("limit must be positive")
    parts: list[str] = []
    current = ""
    for line in text.splitlines(keepends=True):
        if size(current + line) <= limit:
            current += line
            continue
        if current:
            parts.append(current)
            current = ""
        while size(line) > limit:
            head = _longest_prefix(line, limit, size)
            parts.append(head)
            line = line[len(head):]
        current = line
    if current or not parts:
        parts.append(current)
    return [p.rstrip("\n") if i < len(parts) - 1 else p for i, p in enumerate(parts)]


def _longest_prefix(line: str, limit: int, size: Callable[[str], int]) -> str:
    """The longest prefix of whole characters within the limit (binary search; never cuts a code point)."""
    lo, hi = 1, len(line)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if size(line[:mid]) <= limit:
            lo = mid
        else:
            hi = mid - 1
    return line[:lo]


def utf8_len(text: str) -> int:
    """Bytes in UTF-8 (WeCom counts bytes: a Chinese character is 3)."""
    return len(text.encode("utf-8"))


def split_utf8(text: str, limit_bytes: int) -> list[str]:
    """Parts of at most limit_bytes UTF-8 bytes each, joined back they give the text (minus split newlines)."""
    return split_by(text, limit_bytes, utf8_len)


def split_chars(text: str, limit: int) -> list[str]:
    """Parts of at most limit characters (Slack counts characters)."""
    return split_by(text, limit, len)
