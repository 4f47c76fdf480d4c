"""The offline answer: the most relevant sentences of the best passages, each with a numbered citation."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.answering.compose import compose_answer, select_sentences
from bot.answering.relevance import RelevancePolicy, ScoredPassage, is_answerable, term_coverage
from bot.messages import Citation
from retrieval.language import detect_language
from retrieval.types import Audience, Passage

ABSTAIN_TEXT = {
    "zh": "抱歉，知识库里没有找到能回答这个问题的内容，我不想猜测。建议直接咨询人力资源部（HR）或你的培训专员。",
    "en": "I could not find this in the knowledge base, and I won't guess. Please ask HR or your training specialist.",
}


@dataclass
class GroundedAnswer:
    """Answer text with its citations, or an abstention."""

    text: str
    citations: list[Citation]
    abstained: bool
    passages: list[Passage] = field(default_factory=list)
    language: str = "zh"


def score_passages(index, question: str, passages: list[Passage]) -> list[ScoredPassage]:
    """Attach dense and coverage evidence to each passage, best first.

    Coverage is the better of: the question's own terms, or (for a passage in the other language) the
    lexicon's translations of its phrases plus whatever the lexicon could not translate."""
    question_terms = index.tokenizer.tokens(question)
    groups, residual = index.lexicon.translate_groups(question)
    residual_terms = index.tokenizer.tokens(residual)
    question_language = detect_language(question)
    scored = []
    for passage in passages:
        full_text = f"{passage.title} {passage.heading} {passage.text}"
        terms = set(index.tokenizer.tokens(full_text))
        coverage = term_coverage(question_terms, terms, index.keyword_idf)
        if groups and passage.language != question_language:
            coverage = max(coverage, cross_language_coverage(groups, residual_terms, full_text, terms, index))
        scored.append(ScoredPassage(passage, passage.dense_score or 0.0, coverage))
    return sorted(scored, key=lambda s: -s.relevance)


def cross_language_coverage(groups: list[list[str]], residual_terms: list[str], text: str, terms: set[str],
                            index) -> float:
    """Coverage of translated phrases (matched as text) and untranslated terms (matched as tokens)."""
    lowered = text.lower()
    total = found = 0.0
    for alternatives in groups:
        weight = max(max((index.keyword_idf(t) for t in index.tokenizer.tokens(a)), default=0.0) for a in alternatives)
        total += weight
        if any(a.lower() in lowered for a in alternatives):
            found += weight
    for term in dict.fromkeys(residual_terms):
        weight = index.keyword_idf(term)
        total += weight
        if term in terms:
            found += weight
    return found / total if total else 0.0


def answer_question(index, question: str, audience: Audience | None = None, k: int = 6,
                    policy: RelevancePolicy | None = None) -> GroundedAnswer:
    """Retrieve, judge relevance, and either compose a cited extract or abstain."""
    policy = policy or RelevancePolicy()
    language = detect_language(question)
    passages = index.search(question, audience=audience, k=k)
    scored = score_passages(index, question, passages)
    if not scored or not is_answerable(index.dense_profile(question, audience), language, policy):
        return GroundedAnswer(ABSTAIN_TEXT[language], [], True, passages, language)
    floor = scored[0].relevance * policy.keep_ratio
    usable = [s for s in scored if s.relevance >= floor][:3]
    usable = _prefer_language(usable, language)
    question_terms = index.tokenizer.tokens(question)
    picks = select_sentences(question_terms, usable, index.tokenizer, index.keyword_idf)
    text, citations = compose_answer(picks, language)
    return GroundedAnswer(text, citations, False, passages, language)


def _prefer_language(usable: list[ScoredPassage], language: str) -> list[ScoredPassage]:
    """Answer in the reader's language when a same-language passage is nearly as good as the best."""
    same = [s for s in usable if s.passage.language == language]
    if not same or same[0] is usable[0]:
        return usable
    if same[0].relevance >= usable[0].relevance * 0.9:
        return same + [s for s in usable if s not in same]
    return usable
