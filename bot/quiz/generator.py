"""Build a quiz of N checked items on a course or topic: LLM first when configured, facts otherwise or to top up."""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from bot.quiz.llm_generator import generate_with_llm
from bot.quiz.model import Quiz, QuizItem
from bot.quiz.offline_generator import OfflineQuizBuilder
from bot.quiz.validate import problems
from retrieval.language import detect_language
from retrieval.types import Audience, Passage

log = logging.getLogger(__name__)
_TERMS = re.compile(r"[a-z0-9][a-z0-9\-]+|[\u4e00-\u9fff]+")
_GENERIC = frozenset({"the", "and", "for", "with", "about", "of", "on", "in", "to", "course", "courses", "课程", "这门课"})


class NoMaterial(Exception):
    """The course or topic has no material the reader may see, so no quiz can be built from it."""


@dataclass
class QuizReport:
    """How many candidates were made and why the dropped ones failed the check."""

    candidates: int = 0
    kept: int = 0
    dropped: Counter = field(default_factory=Counter)
    llm_error: str | None = None


class QuizGenerator:
    """Finds the material, generates candidates, keeps only items their cited chunk supports."""

    def __init__(self, index, llm=None):
        """index: a KnowledgeIndex (search/passages); llm: a LangChain chat model or None for offline only."""
        self.index = index
        self.llm = llm

    def material(self, audience: Audience, course: str | None = None, topic: str | None = None) -> list[Passage]:
        """The chunks to ask about: a course's documents, or the best passages for a topic."""
        passages: list[Passage] = []
        if course:
            passages = self.index.passages(course=course, audience=audience)
        if not passages and topic:
            lexicon = getattr(self.index, "lexicon", None)
            translated = lexicon.translate_groups(topic)[0] if lexicon is not None else []
            passages = on_topic(self.index.search(topic, audience, k=8), topic,
                                [term for group in translated for term in group])
        if not passages:
            raise NoMaterial(course or topic or "")
        return passages

    def generate(self, audience: Audience, course: str | None = None, topic: str | None = None, n: int = 5,
                 seed: int = 7, language: str | None = None) -> tuple[Quiz, QuizReport]:
        """A quiz of up to n valid items and the report of what was dropped; with the reader's `language`, material
        in that language is preferred and the instructions around quoted material are written in it."""
        reader_language = language
        passages = _prefer_language(self.material(audience, course, topic), reader_language)
        chunks = {p.chunk_id: p.text for p in passages}
        language = _majority_language(passages)
        report = QuizReport()
        kept: list[QuizItem] = []
        mode = "offline"
        if self.llm is not None:
            try:
                drafts = generate_with_llm(self.llm, passages[:12], n, language)
                kept = self._keep_valid(drafts, chunks, n, report)
                mode = "llm" if kept else "offline"
            except Exception as exc:  # any model failure falls back to the fact-based builder
                report.llm_error = type(exc).__name__
                log.warning("LLM quiz generation failed (%s); using the offline builder", type(exc).__name__)
        if len(kept) < n:
            seen = {(i.evidence, i.kind) for i in kept}
            builder = OfflineQuizBuilder(passages, seed, frame_language=reader_language)
            fresh = (i for i in builder.candidates() if (i.evidence, i.kind) not in seen)
            kept += self._keep_valid(fresh, chunks, n - len(kept), report)
        report.kept = len(kept)
        return Quiz(topic=course or topic or "", items=kept, course=course, language=language, mode=mode), report

    @staticmethod
    def _keep_valid(items, chunks: dict[str, str], want: int, report: QuizReport) -> list[QuizItem]:
        """Check each candidate against its cited chunk; keep the first `want` that pass."""
        kept = []
        for item in items:
            report.candidates += 1
            issues = problems(item, chunks.get(item.chunk_id))
            if issues:
                report.dropped.update(issues)
                continue
            kept.append(item)
            if len(kept) >= want:
                break
        return kept


def on_topic(passages: list[Passage], topic: str, translations: list[str] = (), enough: int = 2,
             fill_to: int = 3) -> list[Passage]:
    """The searched passages that name the topic or a translation of it ("phishing" / "钓鱼邮件" quizzes on the
    phishing lines, not on whatever else the search ranked 5th): those naming the most of its words when there are
    `enough`, else those naming any; with fewer than `enough`, the best-ranked others fill up to `fill_to`."""
    words = _TERMS.findall(" ".join([topic, *translations]).lower())
    terms = list(dict.fromkeys(w for w in words if len(w) >= 2 and w not in _GENERIC))
    if not terms:
        return passages
    counts = [sum(t in f"{p.title} {p.heading} {p.text}".lower() for t in terms) for p in passages]
    most = max(counts, default=0)
    named = [p for p, n in zip(passages, counts, strict=True) if n == most and n]
    if len(named) < enough:
        named = [p for p, n in zip(passages, counts, strict=True) if n]
    if len(named) >= enough:
        return named
    return named + [p for p in passages if p not in named][:max(fill_to - len(named), 0)]


def _prefer_language(passages: list[Passage], language: str | None, enough: int = 3) -> list[Passage]:
    """The passages in the reader's language when there are enough of them to quiz on, else all of them."""
    if not language:
        return passages
    own = [p for p in passages if (p.language or detect_language(p.text)) == language]
    return own if len(own) >= enough else passages


def _majority_language(passages: list[Passage]) -> str:
    """The language most of the material is written in."""
    counts = Counter(p.language or detect_language(p.text) for p in passages)
    return counts.most_common(1)[0][0] if counts else "zh"
