"""A quote in the other language is judged by the question's lexicon translation, in the quote's own language."""

from bot.answering.agreement import cross_agreement
from bot.answering.compose import Pick
from bot.answering.relevance import RelevancePolicy, agrees_across_languages
from retrieval.types import Passage

CHINESE = Passage("zh-1", "病假须提供二级及以上医院出具的诊断证明。", 0.0, "policies/leave.md", "休假制度", "二、病假",
                  language="zh", dense_score=0.79)
ENGLISH = Passage("en-1", "Remote work is approved for up to two days a week.", 0.0, "policies/remote.md",
                  "Remote Work Policy", "Who is eligible", language="en", dense_score=0.81)


class _Index:
    """Records what the agreement compares; every cosine is 0.93."""

    def __init__(self):
        self.asked: list[tuple[str, list[str]]] = []

    def passage_similarities(self, query, texts, kept=False):
        self.asked.append((query, list(texts)))
        return [0.93 for _ in texts]


def _pick(passage, score=9.0):
    return Pick(passage.text, 0, 0, score, passage)


def test_the_translation_is_compared_with_the_best_quote_in_the_other_language():
    index = _Index()
    signals = cross_agreement(index, "sick leave hospital", [_pick(ENGLISH, 8.5), _pick(CHINESE, 9.1)], "en")
    assert signals == {"cross_agreement": 0.93}
    assert index.asked == [("sick leave hospital", [f"二、病假\n{CHINESE.text}"])]  # heading path, then the sentence


def test_no_signal_for_a_quote_in_the_question_language_or_without_a_translation():
    index = _Index()
    assert cross_agreement(index, "远程办公", [_pick(ENGLISH)], "en") == {}  # the best quote is English, like the question
    assert cross_agreement(index, "", [_pick(CHINESE)], "en") == {}  # the lexicon knew none of the question's words
    assert cross_agreement(index, "sick leave", [], "en") == {}
    assert index.asked == []


def test_clear_agreement_answers_clear_disagreement_abstains_and_the_band_between_leaves_it_to_the_evidence():
    policy = RelevancePolicy(cross_accept={"zh": 0.88, "en": 0.904}, cross_reject={"zh": 0.862, "en": 0.871})
    assert agrees_across_languages({"cross_agreement": 0.916}, "en", policy) is True  # sick note from a 二级 hospital
    assert agrees_across_languages({"cross_agreement": 0.860}, "en", policy) is False  # guest Wi-Fi password
    assert agrees_across_languages({"cross_agreement": 0.890}, "en", policy) is None
    assert agrees_across_languages({"cross_agreement": 0.884}, "zh", policy) is True
    assert agrees_across_languages({"cross_agreement": 0.858}, "zh", policy) is False
    assert agrees_across_languages({"cross_agreement": 0.870}, "zh", policy) is None
    assert agrees_across_languages({"cross": 1.0}, "zh", policy) is None  # no translated comparison was made


class _AnswerIndex(_Index):
    """Just enough of KnowledgeIndex for answer_question: one Chinese rule, cosines as e5 gives an English question
    about it (the nearest chunk at 0.79, under the English floor), and the translation's cosine to the rule."""

    def __init__(self, translated_cosine):
        super().__init__()
        from retrieval.crosslingual import Lexicon
        from retrieval.tokenize import Tokenizer

        self.lexicon, self.tokenizer, self._translated = Lexicon.load(), Tokenizer(), translated_cosine

    def search(self, question, audience=None, k=8):
        return [CHINESE]

    def keyword_idf(self, term):
        return 5.0 if term.startswith("\u0000") else 1.0  # only the never-indexed probe is unseen: the corpus uses
        # the question's words (lacks_cross_support weighs the share it never uses)

    def keyword_idfs(self, terms):
        return {t: self.keyword_idf(t) for t in terms}

    def dense_profile(self, question, audience=None):
        return [0.79] + [0.75] * 29

    def passage_similarities(self, query, texts, kept=False):
        return [0.79 if query.isascii() else self._translated for _ in texts]  # the question / its translation


def test_an_english_question_about_a_chinese_rule_is_answered_when_the_translation_agrees():
    from bot.answering.extractive import answer_question

    question = "What kind of hospital does my sick note need to come from?"
    assert not answer_question(_AnswerIndex(0.93), question).abstained
    assert answer_question(_AnswerIndex(0.85), question).abstained  # the translation does not match the rule either


def test_default_chinese_reject_floor_refitted_on_all_dev_files():
    """§13: over the 796 pooled dev questions a Chinese question's English quote at 0.84-0.86 was mostly a right
    answer (the new-password, lost-phone and calibration rules) that 0.862 rejected; out of scope ones sat at 0.824-0.830
    and below."""
    policy = RelevancePolicy()
    assert agrees_across_languages({"cross_agreement": 0.841}, "zh", policy) is None  # the evidence decides
    assert agrees_across_languages({"cross_agreement": 0.824}, "zh", policy) is False
