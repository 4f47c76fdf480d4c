"""Sentence choice across languages: the embedder's same-language lead does not decide between languages."""

import pytest

import bot.answering.compose as compose
from bot.answering.answer_type import AnswerType
from bot.answering.compose import _language_lift, rank_sentences
from retrieval.types import Passage

QUESTION = "开私家车办事，每公里补贴多少？"
CHINESE = Passage("zh-1", "交通补贴每月300元，随工资发放。", 0.0, "faq/benefits.html", "员工福利", "交通", language="zh",
                  dense_score=0.88)
ENGLISH = Passage("en-1", "Use of a private car is reimbursed at RMB 1.2 per kilometre.", 0.0, "policies/expense.md",
                  "Expense Policy", "Local transport", language="en", dense_score=0.80)


class _Coverage:
    """Stands in for QuestionCoverage: the English rule names the private car and the kilometre, the Chinese row
    only the allowance."""

    language = "zh"

    def of(self, text, language=None):
        return 0.8 if "private car" in text else 0.2

    def of_known(self, text, language=None):  # the language gate's view: here the same
        return self.of(text, language)


def _similarity(texts):
    """Cosines as the multilingual embedder gives them: the question's own language well ahead."""
    return [0.86 if "补贴" in t else 0.79 for t in texts]


def _translated(texts):
    """The lexicon translation of the question ('private car kilometre allowance') against the English sentence."""
    return [0.84 for _ in texts]


def _best(levelling, coverage=None):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(compose, "LANGUAGE_LEVELLING", levelling)
        ranked = rank_sentences(coverage or _Coverage(), [CHINESE, ENGLISH], AnswerType(QUESTION),
                                similarity=_similarity, language="zh", translated_similarity=_translated)
    return ranked[0].passage.chunk_id


class _ChineseCoversMore(_Coverage):
    def of(self, text, language=None):
        return 0.9 if "补贴" in text else 0.2


def test_the_other_language_rule_that_covers_the_question_wins_once_languages_are_levelled():
    assert _best(0.0) == "zh-1"  # the raw passage cosine gap (0.08, times 5) decides
    assert _best(1.0) == "en-1"  # levelled, coverage of the question's terms decides


def test_a_language_that_covers_the_question_less_is_not_lifted():
    assert _best(1.0, _ChineseCoversMore()) == "zh-1"


def test_lift_closes_the_gap_to_the_best_language_only():
    lift = _language_lift([("zh", 0.88), ("zh", 0.85), ("en", 0.80), ("en", 0.75)], 0.5)
    assert lift["zh"] == 0.0 and lift["en"] == pytest.approx(0.04)
    assert _language_lift([("en", 0.8)], 1.0) == {"en": 0.0}
    assert _language_lift([], 1.0) == {}
    gated = _language_lift([("zh", 0.88), ("en", 0.80)], 1.0, support={"zh": 0.6, "en": 0.4})
    assert gated["en"] == 0.0
    assert _language_lift([("zh", 0.88), ("en", 0.80)], 1.0, support={"zh": 0.4, "en": 0.6})["en"] == pytest.approx(0.08)


class _ChineseMatchesOnlyUnknownWords(_Coverage):
    """The Chinese page covers more of the question only through words the lexicon cannot translate (an English
    text can never hold them); on the lexicon's terms the English rule covers more."""

    def of(self, text, language=None):
        return 0.9 if "员工福利" in text else super().of(text, language)  # the whole Chinese page (its title)

    def of_known(self, text, language=None):
        return 0.7 if "private car" in text else 0.1


def test_a_chinese_question_gates_languages_on_the_terms_the_lexicon_knows(monkeypatch):
    assert _best(1.0, _ChineseMatchesOnlyUnknownWords()) == "en-1"
    monkeypatch.setattr(compose, "GATE_ON_KNOWN_TERMS", ())
    assert _best(1.0, _ChineseMatchesOnlyUnknownWords()) == "zh-1"
