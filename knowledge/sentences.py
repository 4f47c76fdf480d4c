"""Sentence splitting that respects Chinese (。！？；) and English (. ! ? followed by space) punctuation."""

from __future__ import annotations

import re

# A sentence ends at a Chinese terminator (with any closing quotes), or at . ! ? followed by whitespace.
_END = re.compile(r"(?<=[。！？；!?;])[”’」』）)]*|(?<=[.!?])[\"')\]]*(?=\s)")
_END_NO_CLAUSE = re.compile(r"(?<=[。！？!?])[”’」』）)]*|(?<=[.!?])[\"')\]]*(?=\s)")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "mr.", "ms.", "dr.", "no.", "vs.", "u.s.", "approx.")


def split_sentences(text: str, clauses: bool = True) -> list[str]:
    """Sentences in order; newlines (list items, table rows) always end a sentence.

    With clauses=False a Chinese '；' does not split, keeping the parts of one rule together for quoting."""
    pattern = _END if clauses else _END_NO_CLAUSE
    out: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        start = 0
        for match in pattern.finditer(line):
            end = match.end()
            piece = line[start:end].strip()
            if piece.lower().endswith(_ABBREVIATIONS) or _is_decimal_break(line, end):
                continue
            if piece:
                out.append(piece)
            start = end
        tail = line[start:].strip()
        if tail:
            out.append(tail)
    return out


def _is_decimal_break(line: str, end: int) -> bool:
    """'3.5' must not split: a '.' between digits is a decimal point."""
    return end < len(line) and end >= 2 and line[end - 1] == "." and line[end - 2].isdigit() and line[end].isdigit()


def token_estimate(text: str) -> int:
    """Rough model-token count without a tokenizer download: CJK chars + 1.3 per English word."""
    cjk = len(re.findall(r"[\u3400-\u9fff\uf900-\ufaff]", text))
    words = len(re.findall(r"[A-Za-z0-9]+", text))
    return cjk + int(words * 1.3)
