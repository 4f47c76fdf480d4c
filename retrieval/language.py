"""Tell Chinese from English so answers, tokenization and chunking follow the reader's language."""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def cjk_ratio(text: str) -> float:
    """Share of CJK characters among letters; 0 for text with no letters."""
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    letters = cjk + latin / 4  # an English word of ~4 letters weighs like one Chinese character
    return cjk / letters if letters else 0.0


def detect_language(text: str) -> str:
    """"zh" when Chinese carries the text, else "en"."""
    return "zh" if cjk_ratio(text) >= 0.3 else "en"


def has_cjk(text: str) -> bool:
    """True when any CJK character is present."""
    return bool(_CJK.search(text))
