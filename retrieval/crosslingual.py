"""Dictionary-based query translation (classic cross-language IR) from a bilingual workplace lexicon.

An English question about a Chinese policy (or the reverse) shares no keywords with it, and the small
multilingual embedder is much weaker across languages than within one; adding the other language's terms
to the query lets both retrievers match."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from retrieval.language import has_cjk
from retrieval.tokenize import _stem

BUNDLED = Path(__file__).parent / "lexicon" / "hr_bilingual.tsv"
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
MAX_PHRASE_WORDS = 5


def _english_key(phrase: str) -> tuple[str, ...]:
    """Lower-cased, lightly stemmed words: 'Annual Leaves' and 'annual leave' meet."""
    return tuple(_key_word(w) for w in _WORD.findall(phrase.lower()))


def _key_word(word: str) -> str:
    """The light stem, made to meet across inflections the BM25 stemmer leaves apart: 'escalated'/'escalate',
    'married'/'marry', 'arrives'/'arrive', 'labour'/'labor' (a trailing e and -ied are dropped and -our- is read as
    -or- only here, not in the index)."""
    if word.endswith("ied") and len(word) > 4:
        return word[:-3] + "y"
    if "our" in word[3:]:
        word = word[:3] + word[3:].replace("our", "or", 1)  # British spelling: labour/labor, behaviour/behavior
    stem = _stem(word)
    return stem[:-1] if stem.endswith("e") and len(stem) > 4 else stem


@dataclass
class Lexicon:
    """English phrase <-> Chinese term mappings."""

    en_to_zh: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    zh_to_en: dict[str, list[str]] = field(default_factory=dict)
    en_synonyms: dict[tuple[str, ...], list[str]] = field(default_factory=dict)  # "annual leave" -> "vacation", ...
    zh_synonyms: dict[str, list[str]] = field(default_factory=dict)  # 年假 -> 年休假, 带薪年假, ...
    # id(table) -> (table, its size, its terms longest first); the tables are filled once by load(), and one that
    # gains or loses terms later is sorted again
    _sorted_terms: dict[int, tuple[dict, int, list[str]]] = field(default_factory=dict, repr=False, compare=False)
    # (id(table), query) -> (table, its size, phrases found): one turn looks the same question up in the same table
    # 3-4 times (search, the answer's coverage and gloss), and each Chinese look-up scans every term of the lexicon
    _found: dict[tuple[int, str], tuple[dict, int, tuple[list[list[str]], str]]] = field(
        default_factory=dict, repr=False, compare=False)
    _entry_words: dict[str, tuple[int, frozenset[str]]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path = BUNDLED) -> Lexicon:
        """Read `english|synonym<TAB>中文|同义词` lines; '#' starts a comment. A missing file gives an empty lexicon."""
        lexicon = cls()
        if not path.is_file():
            return lexicon
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.count("\t") != 1:
                raise ValueError(f"{path}:{number}: expected 'english<TAB>中文', got {line[:40]!r}")
            english, chinese = line.split("\t")
            en_terms = [t.strip() for t in english.split("|") if t.strip()]
            zh_terms = [t.strip() for t in chinese.split("|") if t.strip()]
            for en in en_terms:
                key = _english_key(en)
                if key:
                    _extend(lexicon.en_to_zh.setdefault(key, []), zh_terms)
                    _extend(lexicon.en_synonyms.setdefault(key, []), en_terms)
            for zh in zh_terms:
                _extend(lexicon.zh_to_en.setdefault(zh, []), en_terms)
                _extend(lexicon.zh_synonyms.setdefault(zh, []), zh_terms)
        return lexicon

    def knows_word(self, word: str) -> bool:
        """True when the English word is part of any entry ("housing" of "housing provident fund")."""
        size, words = self._entry_words.get("table", (-1, frozenset()))
        if size != len(self.en_to_zh):  # filled once by load(); rebuilt if entries are added later
            words = frozenset(w for key in self.en_to_zh for w in key)
            self._entry_words["table"] = (len(self.en_to_zh), words)
        return any(key in words for key in _english_key(word))

    def translate(self, query: str) -> str:
        """The query's known terms in the other language (empty when none are known)."""
        groups, _ = self.translate_groups(query)
        out: list[str] = []
        for group in groups:
            out.extend(t for t in group if t not in out)
        return " ".join(out)

    def own_terms(self, query: str) -> str:
        """The query's known phrases with their same-language alternatives (empty when none are known): the
        counterpart of translate() in the query's own language."""
        groups, _ = self.synonym_groups(query)
        return " ".join(dict.fromkeys(t for group in groups for t in group))

    def translate_groups(self, query: str) -> tuple[list[list[str]], str]:
        """(one list of alternatives per recognised phrase, the text the lexicon did not cover)."""
        if has_cjk(query):
            return self._remembered(query, self.zh_to_en, self._from_chinese)
        return self._remembered(query, self.en_to_zh, self._from_english)

    def synonym_groups(self, query: str) -> tuple[list[list[str]], str]:
        """Like translate_groups, but each phrase's alternatives in the query's own language (年假 -> 年休假)."""
        if has_cjk(query):
            return self._remembered(query, self.zh_synonyms, self._from_chinese)
        return self._remembered(query, self.en_synonyms, self._from_english)

    def _remembered(self, query: str, table: dict, find) -> tuple[list[list[str]], str]:
        """find(query, table), remembered for the last 1,024 (table, query) pairs; callers get their own lists."""
        key = (id(table), query)
        cached = self._found.get(key)
        if cached is None or cached[0] is not table or cached[1] != len(table):
            cached = (table, len(table), find(query, table))
            if len(self._found) >= 1024:
                self._found.clear()
            self._found[key] = cached
        groups, residual = cached[2]
        return [list(group) for group in groups], residual

    def synonyms(self, query: str) -> str:
        """Same-language alternatives of the query's known phrases that the query does not already use."""
        groups, _ = self.synonym_groups(query)
        lowered = query.lower()
        out: list[str] = []
        for group in groups:
            out.extend(t for t in group if t.lower() not in lowered and t not in out)
        return " ".join(out)

    def _from_english(self, query: str, table: dict[tuple[str, ...], list[str]]) -> tuple[list[list[str]], str]:
        """Longest-match English phrases, left to right."""
        raw_words = _WORD.findall(query.lower())
        words = tuple(_key_word(w) for w in raw_words)
        groups: list[list[str]] = []
        residual: list[str] = []
        i = 0
        while i < len(words):
            for size in range(min(MAX_PHRASE_WORDS, len(words) - i), 0, -1):
                terms = table.get(words[i : i + size])
                if terms:
                    groups.append(list(terms))
                    i += size
                    break
            else:
                residual.append(raw_words[i])
                i += 1
        return groups, " ".join(residual)

    def _from_chinese(self, query: str, table: dict[str, list[str]]) -> tuple[list[list[str]], str]:
        """Longest Chinese terms found in the query; a shorter term inside a found one is skipped."""
        found: list[tuple[int, str]] = []
        covered = [False] * len(query)
        for term in self._longest_first(table):
            start = query.find(term)
            while start >= 0:
                if not any(covered[start : start + len(term)]):
                    for pos in range(start, start + len(term)):
                        covered[pos] = True
                    found.append((start, term))
                start = query.find(term, start + 1)
        groups = [list(table[term]) for _, term in sorted(found)]
        residual = "".join(ch if not covered[pos] else " " for pos, ch in enumerate(query))
        return groups, residual

    def _longest_first(self, table: dict[str, list[str]]) -> list[str]:
        """The table's terms, longest first: sorted once per table, not on every query (twice a search)."""
        cached = self._sorted_terms.get(id(table))
        if cached is None or cached[0] is not table or cached[1] != len(table):
            cached = (table, len(table), sorted(table, key=len, reverse=True))
            self._sorted_terms[id(table)] = cached
        return cached[2]


def _extend(target: list[str], terms: list[str]) -> None:
    """Append the terms not yet listed, keeping the lexicon's order."""
    target.extend(t for t in terms if t not in target)
