"""Pick the sentences that answer, number the sources, and lay out the reply."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from bot.answering.answer_type import AnswerType
from bot.answering.coverage import QuestionCoverage
from bot.answering.rows import item_naming, matching_item, matching_row
from bot.messages import Citation
from knowledge.sentences import split_sentences
from retrieval.types import Passage

_NOT_WORD = re.compile(r"[\W_]+")

MAX_SENTENCES = 3
# Sentence score weights, chosen on the dev halves of both gold sets (eval/results/answer_tuning.txt): the sentence's
# own e5 similarity to the question (with its heading) and its passage's similarity carry most of the choice;
# coverage of the question's terms (and their lexicon translations), the asked-for value type and a matching table
# row refine it; a passage's fused rank only breaks near-ties.
COVERAGE_WEIGHT = 0.5
SENTENCE_SIMILARITY_WEIGHT = 5.0
PASSAGE_SIMILARITY_WEIGHT = 5.0
VALUE_BONUS = 0.2  # a sentence holding the kind of value asked for ("5天" for "几天")
ROW_BONUS = 0.3  # the row of a rule table whose range holds the number the question states ("12年" -> 10-20 years)
# The one item of a numbered enumeration ("（一）元旦，放假1天；（二）春节，放假4天；…") that alone covers the question
# best, and holds the kind of value it asks for, replaces the enumeration as a candidate (rows.item_naming). Only for
# strict value questions (amounts, durations, shares): for the others an item of a neighbouring article's list of
# cases ("有下列情形之一的：…（三）…") won over the right article (pooled shared dev: 10 right answers lost, with the
# row bonus). No bonus of its own: with ROW_BONUS it won too often (§22).
ITEMS = True
# a sentence of the course the question names (by code or title), over a policy line that lists the course among
# others or states the default its page overrides ("提示词工程那门课要学多久" quoted the training policy's list of
# electives; "顾问式销售课程多少分及格" its 60-point default): pooled sample dev +4 at 0.2 and at 0.3, nothing lost;
# with the consultative-selling lexicon entry 0.2 lost one pass-mark question that 0.3 keeps (§22)
COURSE_BONUS = 0.3
RANK_PENALTY = 0.02  # per place of the passage in the fused ranking
POINTER_PENALTY = 0.3  # "详见《…》" / "see the … policy" sends the reader elsewhere instead of answering
SHORT_PENALTY = 0.3  # a fragment under 8 characters is rarely an answer on its own
EMBEDDED_CANDIDATES = 30  # only the best candidates by the cheap signals are embedded (the rest cannot win). At 10
# the cheap signals (coverage, passage similarity, rank) often cut the answering sentence before its own similarity
# was measured: a late line of a long section, a row of a list, a sentence in the other language (§15, pooled dev,
# fitted on half 0, flat from 30 up; held-out half 1 hit .879 -> .899 sample, .707 -> .725 shared)
# share of the gap between the best passage in each language and the overall best that is closed (dev, H14d)
LANGUAGE_LEVELLING = 1.0
LANGUAGE_GATE = True  # ... only for a language whose passages cover the question's terms at least as well
GATE_ON_KNOWN_TERMS = ("zh",)  # for questions in these languages, counting only the terms the lexicon knows, on
# both sides (§13)
EXTRA_MARGIN = 1.0  # further sentences, from the same document as the best one, within this much of its score
OTHER_PASSAGE_MARGIN = 0.3  # ... and from another passage (section) of it only within this much: a neighbouring
# section's rule tagged along as a second citation (陪产假 and 婚假 under a 产假 answer; in a follow-up, once the
# previous answer's line is set aside). Pooled dev §14: cited passages holding an expected answer 0.63 -> 0.79
# (sample) / 0.64 -> 0.77 (shared), answer hit unchanged
HEADER = {"zh": "根据知识库中的相关规定：", "en": "Here is what the knowledge base says:"}
HEDGED_HEADER = {"zh": "知识库中没有找到直接对应的规定，最相关的内容如下，请核实；如仍有疑问请咨询HR：",
                 "en": "I found no rule that answers this directly; the closest material is below. Please check it, "
                       "and ask HR if it does not settle your question:"}
SOURCES = {"zh": "来源：", "en": "Sources:"}
_POINTER = re.compile(r"(详见|参见|见《|按照?《[^》]+》(第[^，。]+条)?执行|规则见|标准见)|\b(see|refer to|follow(s)? the)\b[^.]*"
                      r"\b(policy|course|handbook|guide|page)\b", re.I)
_REFERRING = ("此", "该", "上述", "以上", "这", "This ", "These ", "It ", "They ")


@dataclass(frozen=True)
class Pick:
    """A sentence chosen for the answer and the passage it comes from."""

    sentence: str
    passage_rank: int
    position: int
    score: float
    passage: Passage


SentenceSimilarity = Callable[[Sequence[str]], list[float]]


def candidate_sentences(passages: Sequence[Passage], number: float | None,
                        unit: str | None = None, measure: str | None = None,
                        covers: Callable[[str, str], float] | None = None) -> list[tuple[Pick, str | None]]:
    """Every sentence of the passages (a table row on its own when the question's number selects it), with what it
    is: "row" for such a matching row (or a list item whose range holds the number, in the question's `unit`,
    rows.matching_item), else None. With `covers` (the question's coverage of a text in a language), a numbered
    enumeration one of whose items alone covers the question best is that item, marked "item" (rows.item_naming:
    "春节放几天" quotes the Spring Festival item of the holiday list, not the whole list)."""
    out: list[tuple[Pick, str | None]] = []
    for rank, passage in enumerate(passages):
        sentences = split_sentences(passage.text, clauses=False) or [passage.text]
        for position, sentence in enumerate(sentences):
            row = matching_row(sentence, number, measure) or matching_item(sentence, number, unit)
            item = None if row is not None or covers is None else item_naming(
                sentence, lambda text, language=passage.language: covers(text, language))
            kind = "row" if row is not None else "item" if item is not None else None
            out.append((Pick(row or item or sentence, rank, position, 0.0, passage), kind))
    return out


def rank_sentences(coverage: QuestionCoverage, passages: Sequence[Passage],
                   answer_type: AnswerType | None = None, similarity: SentenceSimilarity | None = None,
                   number: float | None = None, translated_similarity: SentenceSimilarity | None = None,
                   language: str | None = None, unit: str | None = None, measure: str | None = None,
                   course: str | None = None) -> list[Pick]:
    """Candidate sentences best first (only the EMBEDDED_CANDIDATES best when a similarity is given); `measure`: what
    the question's number counts (rows.question_measure); `course`: the course the question is about, whose own
    pages' sentences get COURSE_BONUS over a policy line that only names it."""
    scored: list[Pick] = []
    support = _coverage_by_language(coverage, passages) if LANGUAGE_GATE else None
    lift = _language_lift([(p.language, p.dense_score or 0.0) for p in passages], LANGUAGE_LEVELLING, support)
    covers = None
    if ITEMS and answer_type is not None and answer_type.strict:
        covers = (lambda text, language: coverage.of(text, language)  # noqa: E731
                  if answer_type.offers(text) else 0.0)
    for pick, kind in candidate_sentences(passages, number, unit, measure, covers=covers):
        passage = pick.passage
        score = COVERAGE_WEIGHT * coverage.of(f"{passage.heading} {pick.sentence}", passage.language)
        score += PASSAGE_SIMILARITY_WEIGHT * ((passage.dense_score or 0.0) + lift.get(passage.language, 0.0))
        score -= RANK_PENALTY * pick.passage_rank
        if len(pick.sentence) < 8:
            score -= SHORT_PENALTY
        if answer_type is not None and answer_type.offers(pick.sentence):
            score += VALUE_BONUS
        if course and (getattr(passage, "course", None) or "").upper() == course.upper():
            score += COURSE_BONUS
        if kind == "row":
            score += ROW_BONUS
        if _POINTER.search(pick.sentence):
            score -= POINTER_PENALTY
        scored.append(replace(pick, score=score))
    scored.sort(key=lambda p: (-p.score, p.passage_rank, p.position))
    if similarity is not None and scored:
        head = scored[:EMBEDDED_CANDIDATES]
        sims = similarity([quote_context(p) for p in head])
        if translated_similarity is not None and language is not None:
            # e5 scores a sentence in the other language lower than an equally good one in the question's own; the
            # lexicon translation of the question, compared in the sentence's language, levels that (dev: cross-
            # language hit 1/8 -> 6/8 on the sample set with no loss elsewhere).
            other = [i for i, p in enumerate(head) if p.passage.language != language]
            for i, t in zip(other, translated_similarity([quote_context(head[i]) for i in other]), strict=True):
                sims[i] = max(sims[i], t)
        scored = sorted((replace(p, score=p.score + SENTENCE_SIMILARITY_WEIGHT * s) for p, s in zip(head, sims,
                                                                                                      strict=True)),
                        key=lambda p: (-p.score, p.passage_rank, p.position))
    return scored


def _coverage_by_language(coverage: QuestionCoverage, passages: Sequence[Passage]) -> dict[str, float]:
    """Per language, the best coverage of the question's terms (lexicon translations included) by one passage."""
    best: dict[str, float] = {}
    for passage in passages:
        text = f"{passage.title} {passage.heading} {passage.text}"
        value = (coverage.of_known(text, passage.language) if coverage.language in GATE_ON_KNOWN_TERMS
                 else coverage.of(text, passage.language))
        best[passage.language] = max(best.get(passage.language, value), value)
    return best


def _language_lift(scored: Sequence[tuple[str, float]], share: float,
                   support: dict[str, float] | None = None) -> dict[str, float]:
    """Per language, what lifts its best similarity to the overall best (times `share`).

    The multilingual embedder scores every passage in the question's own language above every passage in the other
    (dev: a Chinese question's cosines 0.86-0.89 to Chinese passages, 0.78-0.82 to English ones, whatever they say),
    so the other language's best candidate starts behind by more than coverage and the asked-for value can make up.
    Levelling the two languages' best scores lets those signals choose between them."""
    best: dict[str, float] = {}
    for language, score in scored:
        best[language] = max(best.get(language, score), score)
    if not best:
        return {}
    leader = max(best, key=lambda language: best[language])
    top = best[leader]
    # with `support`, a language is lifted only when its passages cover the question at least as well as the leader's
    return {language: share * (top - value)
            if support is None or support.get(language, 0.0) >= support.get(leader, 0.0) else 0.0
            for language, value in best.items()}


def select_sentences(coverage: QuestionCoverage, passages: Sequence[Passage],
                     answer_type: AnswerType | None = None, similarity: SentenceSimilarity | None = None,
                     number: float | None = None, translated_similarity: SentenceSimilarity | None = None,
                     language: str | None = None) -> list[Pick]:
    """The sentences that best answer: the top-scoring one, then up to two more from the same document that score
    nearly as well, in reading order, never the same sentence twice."""
    scored = rank_sentences(coverage, passages, answer_type, similarity, number, translated_similarity, language)
    return choose(scored)


def choose(scored: Sequence[Pick], answered_before: str = "") -> list[Pick]:
    """From ranked candidates: the best, then up to two more from its document within EXTRA_MARGIN (from another of its
    passages within OTHER_PASSAGE_MARGIN); the best one's
    passage first (a follow-up's new rule before an older line the search also found), reading order within one.

    `answered_before`: the sentence that answered the thread's last question; a follow-up quotes it again only when
    it is also the best answer to the new question, never as a line tagging along."""
    if not scored:
        return []
    if answered_before and scored[0].sentence != answered_before:
        scored = [p for p in scored if p.sentence != answered_before]
    best = scored[0]
    chosen: list[Pick] = []
    texts: set[str] = set()
    for pick in scored:
        if len(chosen) >= MAX_SENTENCES or pick.score < best.score - EXTRA_MARGIN:
            break
        if pick.passage.source != best.passage.source:
            continue  # another document's sentence would add a citation the answer may not need
        if pick.passage.chunk_id != best.passage.chunk_id and pick.score < best.score - OTHER_PASSAGE_MARGIN:
            continue  # another section of it only when nearly as good as the best
        for extra in _with_antecedent(pick):
            if extra.sentence not in texts:
                texts.add(extra.sentence)
                chosen.append(extra)
    chosen = [pick for pick in chosen if not _repeated(pick, chosen)]
    first_seen = {}
    for pick in chosen:
        first_seen.setdefault(pick.passage.chunk_id, len(first_seen))
    return sorted(chosen, key=lambda p: (first_seen[p.passage.chunk_id], p.position))


def _bare(sentence: str) -> str:
    """A sentence without spaces, bullets and punctuation, for spotting one quoted inside another."""
    return _NOT_WORD.sub("", sentence).lower()


def _repeated(pick: Pick, chosen: Sequence[Pick]) -> bool:
    """True when a longer chosen line holds this one word for word (overlapping passages of one section quote it
    twice otherwise)."""
    bare = _bare(pick.sentence)
    return bool(bare) and any(len(_bare(other.sentence)) > len(bare) and bare in _bare(other.sentence)
                              for other in chosen)


def quote_context(pick: Pick) -> str:
    """What the sentence embedding sees (here and in the cross-language agreement): the heading path, then the
    sentence."""
    return f"{pick.passage.heading}\n{pick.sentence}" if pick.passage.heading else pick.sentence


def _with_antecedent(pick: Pick) -> list[Pick]:
    """A sentence that opens with a reference ("this", "以上") needs the sentence before it."""
    if pick.position == 0 or not pick.sentence.startswith(_REFERRING):
        return [pick]
    previous = split_sentences(pick.passage.text, clauses=False)[pick.position - 1]
    return [Pick(previous, pick.passage_rank, pick.position - 1, pick.score, pick.passage), pick]


def cite(picks: Sequence[Pick]) -> tuple[dict[str, int], list[Citation]]:
    """Number the passages the picks come from, in order of first use: chunk id -> [n], and the citations."""
    numbers: dict[str, int] = {}
    citations: list[Citation] = []
    for pick in picks:
        passage = pick.passage
        if passage.chunk_id not in numbers:
            numbers[passage.chunk_id] = len(numbers) + 1
            citations.append(Citation(n=numbers[passage.chunk_id], source=passage.source, title=passage.title,
                                      heading=passage.heading, chunk_id=passage.chunk_id, text=passage.text,
                                      page=passage.page))
    return numbers, citations


def source_lines(citations: Sequence[Citation], language: str) -> list[str]:
    """The numbered source list that ends every cited answer."""
    lines = ["", SOURCES[language]]
    for citation in citations:
        where = " > ".join(part for part in (citation.title, citation.heading) if part)
        page = f", p.{citation.page}" if citation.page else ""
        lines.append(f"[{citation.n}] {where} ({citation.source}{page})")
    return lines


def compose_answer(picks: Sequence[Pick], language: str, hedged: bool = False,
                   glosser: Callable[[str, str], str | None] | None = None) -> tuple[str, list[Citation]]:
    """Markdown text with [n] markers and the numbered source list; hedged when the match is not direct."""
    numbers, citations = cite(picks)
    lines = [(HEDGED_HEADER if hedged else HEADER)[language]]
    for pick in picks:
        passage = pick.passage
        note = glosser(pick.sentence, passage.language) if glosser is not None else None
        lines.append(f"- {pick.sentence.lstrip('-*•+ ').strip()} [{numbers[passage.chunk_id]}]"
                     + (f" {note}" if note else ""))
    lines += source_lines(citations, language)
    return "\n".join(lines), citations
