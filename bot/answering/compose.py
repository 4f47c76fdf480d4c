"""Pick the sentences that answer, number the sources, and lay out the reply."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.answering.answer_type import AnswerType
from bot.answering.coverage import QuestionCoverage
from bot.messages import Citation
from knowledge.sentences import split_sentences
from retrieval.types import Passage

MAX_SENTENCES = 3
RANK_PENALTY = 0.15  # a sentence from the second passage must cover clearly more to beat the first passage
CUTOFF = 0.7  # further sentences must score at least this share of the best one
VALUE_BONUS = 0.1  # a sentence holding the kind of value asked for ("5天" for "几天") gains this much
HEADER = {"zh": "根据知识库中的相关规定：", "en": "Here is what the knowledge base says:"}
HEDGED_HEADER = {"zh": "知识库中没有找到直接对应的规定，最相关的内容如下，请核实；如仍有疑问请咨询HR：",
                 "en": "I found no rule that answers this directly; the closest material is below. Please check it, "
                       "and ask HR if it does not settle your question:"}
SOURCES = {"zh": "来源：", "en": "Sources:"}
_REFERRING = ("此", "该", "上述", "以上", "这", "This ", "These ", "It ", "They ")


@dataclass(frozen=True)
class Pick:
    """A sentence chosen for the answer and the passage it comes from."""

    sentence: str
    passage_rank: int
    position: int
    score: float
    passage: Passage


def select_sentences(coverage: QuestionCoverage, passages: Sequence[Passage],
                     answer_type: AnswerType | None = None) -> list[Pick]:
    """The best-covering sentences (at most MAX_SENTENCES), in reading order, never the same sentence twice."""
    candidates: list[Pick] = []
    for rank, passage in enumerate(passages):
        sentences = split_sentences(passage.text, clauses=False) or [passage.text]
        for position, sentence in enumerate(sentences):
            score = coverage.of(f"{passage.heading} {sentence}", passage.language) - RANK_PENALTY * rank
            if len(sentence) < 8:
                score -= 0.3
            if answer_type is not None and answer_type.offers(sentence):
                score += VALUE_BONUS
            candidates.append(Pick(sentence, rank, position, score, passage))
    candidates.sort(key=lambda p: (-p.score, p.passage_rank, p.position))
    chosen: list[Pick] = []
    texts: set[str] = set()
    best = candidates[0].score if candidates else 0.0
    for pick in candidates:
        if len(chosen) >= MAX_SENTENCES or (chosen and pick.score < best * CUTOFF):
            break
        for extra in _with_antecedent(pick):
            if extra.sentence not in texts:
                texts.add(extra.sentence)
                chosen.append(extra)
    return sorted(chosen, key=lambda p: (p.passage_rank, p.position))


def _with_antecedent(pick: Pick) -> list[Pick]:
    """A sentence that opens with a reference ("this", "以上") needs the sentence before it."""
    if pick.position == 0 or not pick.sentence.startswith(_REFERRING):
        return [pick]
    previous = split_sentences(pick.passage.text, clauses=False)[pick.position - 1]
    return [Pick(previous, pick.passage_rank, pick.position - 1, pick.score, pick.passage), pick]


def compose_answer(picks: Sequence[Pick], language: str, hedged: bool = False) -> tuple[str, list[Citation]]:
    """Markdown text with [n] markers and the numbered source list; hedged when the match is not direct."""
    numbers: dict[str, int] = {}
    citations: list[Citation] = []
    lines = [(HEDGED_HEADER if hedged else HEADER)[language]]
    for pick in picks:
        passage = pick.passage
        if passage.chunk_id not in numbers:
            numbers[passage.chunk_id] = len(numbers) + 1
            citations.append(Citation(n=numbers[passage.chunk_id], source=passage.source, title=passage.title,
                                      heading=passage.heading, chunk_id=passage.chunk_id, text=passage.text,
                                      page=passage.page))
        lines.append(f"- {pick.sentence.lstrip('-*•+ ').strip()} [{numbers[passage.chunk_id]}]")
    lines.append("")
    lines.append(SOURCES[language])
    for citation in citations:
        where = " > ".join(part for part in (citation.title, citation.heading) if part)
        page = f", p.{citation.page}" if citation.page else ""
        lines.append(f"[{citation.n}] {where} ({citation.source}{page})")
    return "\n".join(lines), citations
