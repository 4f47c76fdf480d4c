"""Keyword tokens for BM25: jieba for Chinese, lower-cased light-stemmed words for English, one stopword list."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from pathlib import Path

import jieba

log = logging.getLogger(__name__)

_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9'+#.-]*[A-Za-z0-9+#]|[A-Za-z]|\d+(?:\.\d+)?%?|[\u3400-\u9fff\uf900-\ufaff]+")
_EN_STOP = frozenset(
    ["a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "have", "has", "had", "i", "me", "my", "we", "our", "you", "your", "he", "she", "it", "its", "they", "them", "their", "this", "that", "these", "those", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "can", "could", "should", "would", "may", "might", "must", "shall", "will", "not", "no", "yes", "so", "than", "too", "very", "just", "about", "into", "over", "under", "again", "there", "here", "all", "any", "each", "few", "more", "most", "other", "some", "such", "only", "own", "same", "s", "t", "don", "doesn", "isn", "aren", "wasn", "weren", "tell", "please", "get", "got", "much", "many", "also", "per"]
)
_ZH_STOP = frozenset(
    ["的", "了", "是", "在", "和", "与", "及", "或", "吗", "呢", "吧", "啊", "呀", "么", "什么", "怎么", "怎样", "如何", "哪些", "哪个", "多少", "几", "我", "你", "他", "她", "它", "我们", "你们", "他们", "这", "那", "这个", "那个", "有", "没有", "会", "能", "可以", "要", "需要", "应", "应当", "应该", "对", "就", "都", "也", "还", "请", "问", "一下", "一个", "被", "把", "给", "让", "吗？", "为", "为什么", "之", "其", "等", "并", "而", "及其", "以及", "由", "于"]
)
STOPWORDS = _EN_STOP | _ZH_STOP

_jieba_lock = threading.Lock()
_MEMO_ENTRIES = 8192  # remembered texts per tokenizer (a few MB)
_MEMO_MAX_CHARS = 300  # sentences and questions, not whole chunks at ingest


def _stem(word: str) -> str:
    """Very light English stemming so 'policies'/'policy' and 'days'/'day' meet."""
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "es" and word[-3] not in "sxz" and not word.endswith(("ches", "shes")):
                return word[:-1]
            return word[: -len(suffix)] + repl
    return word


class Tokenizer:
    """Turns text into BM25 terms; holds its own jieba dictionary so a glossary never leaks between indexes."""

    def __init__(self, glossary: Iterable[str] = ()) -> None:
        self._jieba = jieba.Tokenizer()
        self._glossary = [t.strip() for t in glossary if t.strip()]
        self._ready = False
        self._memo: dict[str, tuple[str, ...]] = {}  # short texts seen before: every turn re-reads the same sentences

    def _ensure_ready(self) -> None:
        """Load jieba's dictionary on first use (about a second), not at construction."""
        if self._ready:
            return
        with _jieba_lock:
            if not self._ready:
                jieba.setLogLevel(logging.WARNING)
                self._jieba.initialize()
                for term in self._glossary:
                    self._jieba.add_word(term, freq=200000)
                self._ready = True

    def tokens(self, text: str) -> list[str]:
        """All index terms of `text`, stopwords removed, in order (sentences and questions are remembered: answer
        choice scores the same knowledge-base sentences against every question, and jieba is most of that cost)."""
        cached = self._memo.get(text)
        if cached is not None:
            return list(cached)
        out = self._tokens(text)
        if len(text) <= _MEMO_MAX_CHARS:
            if len(self._memo) >= _MEMO_ENTRIES:
                self._memo.clear()  # bounded; clear() is atomic under concurrent turns, unlike evicting one by one
            self._memo[text] = tuple(out)
        return out

    def _tokens(self, text: str) -> list[str]:
        """Tokenise without the memo."""
        self._ensure_ready()
        out: list[str] = []
        for match in _TOKEN.finditer(text):
            piece = match.group(0)
            if "\u3400" <= piece[0] <= "\ufaff":
                out.extend(w for w in self._jieba.cut_for_search(piece) if w not in STOPWORDS and w.strip())
            else:
                word = piece.lower().strip(".-'")
                if word and word not in STOPWORDS:
                    out.append(_stem(word))
        return out


def read_glossary(path: Path | None) -> list[str]:
    """Glossary file: one term a line, '#' comments; a missing file is an error that names it."""
    if path is None:
        return []
    if not path.is_file():
        raise FileNotFoundError(f"glossary file {path} not found; create it (one term a line) or unset MENTOR_GLOSSARY_FILE")
    terms = [line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [t for t in terms if t]
