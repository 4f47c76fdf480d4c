"""Quiz items without a language model: cloze, multiple choice and true/false built from key facts."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

from bot.quiz.facts import NUMBER_ZH_WORDS, Fact, extract_facts, number_spans, number_value, with_value
from bot.quiz.feedback import LEADS, explanation_for, hint_for
from bot.quiz.model import BLANK, LETTERS, QuizItem
from bot.quiz.text import normalise
from retrieval.language import detect_language
from retrieval.types import Passage

_NEGATIONS_ZH = [("不得", "可以"), ("禁止", "允许"), ("严禁", "允许"), ("不允许", "允许"), ("必须", "无需"), ("应当", "无需"),
                 ("须", "无须")]
_NEGATIONS_EN = [(r"\bmust not\b", "may"), (r"\bmust\b", "need not"), (r"\bnever\b", "always"),
                 (r"\bis mandatory\b", "is optional"), (r"\bare mandatory\b", "are optional"),
                 (r"\bis required\b", "is optional"), (r"\bare required\b", "are optional"), (r"\bshall\b", "need not"),
                 (r"\bis not allowed\b", "is allowed"), (r"\bis prohibited\b", "is allowed"),
                 (r"\bshould\b", "need not"), (r"\bdo not\b", "do"), (r"\balways\b", "never")]


def _text(zh: str, en: str, lang: str) -> str:
    """Pick the wording for the material's language."""
    return zh if lang == "zh" else en


class OfflineQuizBuilder:
    """Turns the facts of a course's chunks into candidate items, in an order that mixes kinds and sources."""

    def __init__(self, passages: list[Passage], seed: int = 7, frame_language: str | None = None):
        """Extract facts once and collect same-type distractor pools from the whole material; the words around the
        quoted material (instructions, hints) are in `frame_language` (the reader's) when given."""
        self.facts = extract_facts(passages)
        self._deferred: list[Fact] = []  # used only when the rest runs out
        if frame_language == "en":  # a count in Chinese numerals has options an English reader cannot read as numbers
            self._deferred = [f for f in self.facts if f.kind == "number" and NUMBER_ZH_WORDS.fullmatch(f.span)]
            self.facts = [f for f in self.facts if f not in self._deferred]
        self._frame_language = frame_language
        self._random = random.Random(seed)
        self._numbers_by_unit: dict[str, list[str]] = {}
        for fact in self.facts:
            if fact.kind == "number":
                pool = self._numbers_by_unit.setdefault(fact.unit, [])
                if fact.span not in pool:
                    pool.append(fact.span)
        self._terms_by_group: dict[str, list[str]] = {}
        for fact in self.facts:
            if fact.kind == "term":
                group = self._terms_by_group.setdefault(fact.group, [])
                if fact.span not in group:
                    group.append(fact.span)

    def candidates(self) -> Iterator[QuizItem]:
        """One item per fact sentence, taking mcq, true/false and cloze in turn while each kind has material left; the
        deferred facts (hard for this reader) only after the others."""
        used: set[str] = set()
        yield from self._items_of(list(self.facts), used)
        yield from self._items_of(list(self._deferred), used)

    def _items_of(self, facts: list[Fact], used: set[str]) -> Iterator[QuizItem]:
        """Items from these facts, kinds interleaved, one per evidence sentence not used yet."""
        self._random.shuffle(facts)
        pools = [[item for fact in facts if (item := maker(fact)) is not None]
                 for maker in (self._mcq, self._true_false, self._cloze)]
        while any(pools):
            for pool in pools:
                while pool:
                    item = pool.pop(0)
                    if item.evidence not in used:
                        used.add(item.evidence)
                        yield item
                        break

    def _base(self, fact: Fact, **fields) -> QuizItem:
        """Fields every item shares: the citation and the language."""
        lang = fact.passage.language or detect_language(fact.sentence)
        frame = self._frame_language or lang
        item = QuizItem(chunk_id=fact.passage.chunk_id, source=fact.passage.source, title=fact.passage.title,
                        heading=fact.passage.heading, evidence=fact.sentence, language=lang, explanation="", **fields)
        item.explanation = explanation_for(item, frame)  # the stored (exported) form; chat words it per turn
        item.hint = _text("提示：", "Hint: ", frame) + hint_for(item, frame)
        return item

    def _mcq(self, fact: Fact) -> QuizItem | None:
        """Which option fills the blank (numbers) or matches the description (terms)."""
        if fact.kind == "number":
            distractors = self._number_distractors(fact)
            stem = fact.sentence.replace(fact.span, BLANK, 1)
            prompt_zh, prompt_en = LEADS["fill_option"]
            difficulty = 2
        elif fact.kind == "term":
            distractors = [t for t in self._terms_by_group.get(fact.group, []) if normalise(t) != normalise(fact.span)]
            if len(distractors) < 3 and not fact.ask:  # a table cell's options are its own column's, never others
                distractors += [t for g, ts in self._terms_by_group.items() if g != fact.group for t in ts]
            stem = fact.sentence.replace(fact.span, BLANK, 1) if fact.ask else _definition_of(fact)
            if not stem:
                return None
            prompt_zh, prompt_en = LEADS["table" if fact.ask else "term"]
            difficulty = 2 if fact.ask else 3
        else:
            return None
        distractors = _distinct(distractors, exclude=fact.span)[:3]
        if len(distractors) < 3:
            return None
        options = [fact.span, *distractors]
        self._random.shuffle(options)
        lang = fact.passage.language or detect_language(fact.sentence)
        question = _text(prompt_zh, prompt_en, self._frame_language or lang) + (fact.ask or stem)
        return self._base(fact, kind="mcq", question=question, stem=stem, options=options,
                          answer=LETTERS[options.index(fact.span)], difficulty=difficulty)

    def _true_false(self, fact: Fact) -> QuizItem | None:
        """The rule as written (true) or with its number or modal flipped (false)."""
        if fact.kind not in ("rule", "number"):
            return None
        make_false = self._random.random() < 0.5
        statement = fact.sentence
        if make_false:
            statement = self._falsify(fact)
            if statement is None:
                make_false = False
                statement = fact.sentence
        lang = fact.passage.language or detect_language(fact.sentence)
        question = _text(*LEADS["true_false"], self._frame_language or lang) + statement
        return self._base(fact, kind="true_false", question=question, stem=statement,
                          answer="false" if make_false else "true", difficulty=1)

    def _cloze(self, fact: Fact) -> QuizItem | None:
        """The sentence with its number or term blanked out."""
        if fact.kind not in ("number", "term") or fact.span not in fact.sentence or fact.ask:
            return None  # (a table row with a blank reads as nothing: its cell is asked as a choice)
        stem = fact.sentence.replace(fact.span, BLANK, 1)
        lang = fact.passage.language or detect_language(fact.sentence)
        question = _text(*LEADS["cloze"], self._frame_language or lang) + stem
        return self._base(fact, kind="cloze", question=question, stem=stem, answer=fact.span,
                          difficulty=2 if fact.kind == "number" else 3)

    def _number_distractors(self, fact: Fact, span: str | None = None) -> list[str]:
        """Other amounts of the same unit from the material, then nearby amounts; never one the sentence states."""
        span = span or fact.span
        unit = fact.unit if span == fact.span else next((u for s, _, u in number_spans(fact.sentence) if s == span), "")
        value = number_value(span)
        if value is None:
            return []
        stated = {number_value(s) for s, _, _ in number_spans(fact.sentence)}
        pool = [s for s in self._numbers_by_unit.get(unit, []) if number_value(s) not in stated]
        self._random.shuffle(pool)
        percent = "%" in span or "percent" in span.lower()
        for factor in (2, 0.5, 1.5, 3, 0.25, 4):
            candidate = value * factor
            if candidate > 0 and candidate not in stated and not (percent and candidate > 100):
                if value == int(value) and candidate != int(candidate) and value >= 4:
                    continue  # whole amounts get whole distractors
                pool.append(with_value(span, candidate))
        return pool

    def _falsify(self, fact: Fact) -> str | None:
        """A wrong version of the sentence: another amount, or the modal verb turned around."""
        spans = number_spans(fact.sentence)
        if spans:
            span = spans[0][0]
            for other in self._number_distractors(fact, span):
                return fact.sentence.replace(span, other, 1)
        for pattern, replacement in _NEGATIONS_ZH:
            if pattern in fact.sentence:
                return fact.sentence.replace(pattern, replacement, 1)
        for pattern, replacement in _NEGATIONS_EN:
            if m := re.search(pattern, fact.sentence, re.IGNORECASE):
                word = replacement.capitalize() if m.group(0)[0].isupper() else replacement
                return fact.sentence[:m.start()] + word + fact.sentence[m.end():]
        return None


def _definition_of(fact: Fact) -> str:
    """What a term fact says about the term, with the term itself removed."""
    for separator in (":", "：", "是指", "指的是"):
        if fact.sentence.startswith(fact.span) and separator in fact.sentence[len(fact.span):len(fact.span) + 4]:
            return fact.sentence.split(separator, 1)[1].strip()
    if fact.span in fact.sentence:
        return fact.sentence.replace(fact.span, BLANK, 1)
    return ""


def _distinct(options: list[str], exclude: str) -> list[str]:
    """Options in order, without repeats or the key, compared in normalised form."""
    seen = {normalise(exclude)}
    out = []
    for option in options:
        if normalise(option) not in seen:
            seen.add(normalise(option))
            out.append(option)
    return out
