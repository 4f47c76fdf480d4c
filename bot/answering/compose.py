"""Pick the sentences that answer, number the sources, and lay out the reply."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.answering.relevance import ScoredPassage, term_coverage
from bot.messages import Citation
from knowledge.sentences import split_sentences

MAX_SENTENCES = 4
HEADER = {"zh": "根据知识库中的相关规定：", "en": "Here is what the knowledge base says:"}
SOURCES = {"zh": "来源：", "en": "Sources:"}


@dataclass(frozen=True)
class Pick:
    """A sentence chosen for the answer and the passage it comes from."""

    sentence: str
    passage_rank: int
    position: int
    score: float
    scored: ScoredPassage


def select_sentences(question_terms: Sequence[str], usable: Sequence[ScoredPassage], tokenizer,
                     idf: Callable[[str], float]) -> list[Pick]:
    """Best sentences by term coverage, favouring higher-ranked passages; always at least one per top passage."""
    candidates: list[Pick] = []
    for rank, scored in enumerate(usable):
        sentences = split_sentences(scored.passage.text, clauses=False) or [scored.passage.text]
        for position, sentence in enumerate(sentences):
            coverage = term_coverage(question_terms, set(tokenizer.tokens(sentence)), idf)
            score = coverage + 0.15 * scored.relevance - 0.08 * rank - (0.3 if len(sentence) < 8 else 0.0)
            candidates.append(Pick(sentence, rank, position, score, scored))
    candidates.sort(key=lambda p: -p.score)
    chosen: list[Pick] = []
    best = candidates[0].score if candidates else 0.0
    for pick in candidates:
        if len(chosen) >= MAX_SENTENCES:
            break
        if chosen and pick.score < best * 0.6:
            break
        if any(pick.sentence == c.sentence for c in chosen):
            continue
        chosen.append(pick)
        # a sentence that opens with a reference ("this", "以上") needs the one before it
        if pick.position > 0 and pick.sentence.startswith(("此", "该", "上述", "以上", "This", "These", "It ")):
            sentences = split_sentences(pick.scored.passage.text, clauses=False)
            chosen.append(Pick(sentences[pick.position - 1], pick.passage_rank, pick.position - 1, pick.score, pick.scored))
    return sorted(chosen, key=lambda p: (p.passage_rank, p.position))


def compose_answer(picks: Sequence[Pick], language: str) -> tuple[str, list[Citation]]:
    """Markdown text with [n] markers and the numbered source list."""
    numbers: dict[str, int] = {}
    citations: list[Citation] = []
    lines = [HEADER[language]]
    for pick in picks:
        passage = pick.scored.passage
        if passage.chunk_id not in numbers:
            numbers[passage.chunk_id] = len(numbers) + 1
            citations.append(Citation(n=numbers[passage.chunk_id], source=passage.source, title=passage.title,
                                      heading=passage.heading, chunk_id=passage.chunk_id, text=passage.text,
                                      page=passage.page))
        lines.append(f"- {pick.sentence} [{numbers[passage.chunk_id]}]")
    lines.append("")
    lines.append(SOURCES[language])
    for citation in citations:
        where = " > ".join(part for part in (citation.title, citation.heading) if part)
        page = f", p.{citation.page}" if citation.page else ""
        lines.append(f"[{citation.n}] {where} ({citation.source}{page})")
    return "\n".join(lines), citations
