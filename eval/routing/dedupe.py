"""Held-out lines that repeat a training line (exactly or nearly) measure memory, not routing: drop them first.

"Nearly" = after NFKC, lower-casing and removing spaces and punctuation, a rapidfuzz ratio of 85 or more with some
training line (e.g. "答案是D" vs "答案是D吧", "give me 5 practice questions on prompt engineering" vs the same with 3)."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz, process

NEAR = 85.0


def squeeze(text: str) -> str:
    """The comparable core of a message."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).lower())


def split_duplicates(rows: list[dict], training_texts: list[str]) -> tuple[list[dict], list[dict]]:
    """(kept, dropped): dropped rows are exact or near copies of a training text; each dropped row names its twin."""
    keys = sorted({squeeze(t) for t in training_texts})
    originals = {}
    for text in training_texts:
        originals.setdefault(squeeze(text), text)
    kept, dropped = [], []
    for row in rows:
        match = process.extractOne(squeeze(row["text"]), keys, scorer=fuzz.ratio) if keys else None
        if match and match[1] >= NEAR:
            dropped.append({**row, "training_twin": originals[match[0]], "similarity": round(match[1], 1)})
        else:
            kept.append(row)
    return kept, dropped
