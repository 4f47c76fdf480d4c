"""Coverage across languages: a lexicon phrase found word by word counts in part, and the language gate compares
the two languages on the terms the lexicon knows (issue 14, eval/results/answer_tuning.txt §13)."""

from types import SimpleNamespace

import pytest

import bot.answering.coverage as coverage_module
from bot.answering.coverage import QuestionCoverage
from retrieval.crosslingual import Lexicon
from retrieval.tokenize import Tokenizer

PHISHING = ('Use the "Report phishing" button in the mail client, or forward the message to security. '
            "Phishing emails often look urgent.")
PHISHING_WORDS_APART = "Phishing messages look urgent. Check the sender of every email before you click."


def _coverage(question):
    index = SimpleNamespace(tokenizer=Tokenizer(), lexicon=Lexicon.load(), keyword_idf=lambda term: 1.0)
    return QuestionCoverage(index, question)


def test_a_phrase_found_only_word_by_word_counts_in_part(monkeypatch):
    coverage = _coverage("钓鱼邮件")  # the lexicon knows it as the phrase "phishing email"
    assert coverage.of("Phishing email: report it.", "en") == 1.0
    apart = coverage.of(PHISHING_WORDS_APART, "en")
    assert 0.0 < apart < 1.0
    monkeypatch.setattr(coverage_module, "PART_CREDIT", 0.0)
    assert coverage.of(PHISHING_WORDS_APART, "en") == 0.0  # how it was: the English page did not count at all


def test_the_gate_view_leaves_out_words_the_lexicon_does_not_know_on_both_sides():
    coverage = _coverage("收到钓鱼邮件怎么办")  # 收到 / 怎么办 have no translation
    english = coverage.of_known(PHISHING_WORDS_APART, "en")
    chinese = coverage.of_known("收到客户的邮件后24小时内回复。", "zh")  # shares 收到 with the question, not 钓鱼
    assert english > chinese
    assert coverage.of(PHISHING_WORDS_APART, "en") < english  # the full view counts 收到/怎么办 as missing in English


@pytest.mark.parametrize(("question", "language", "synonym", "other"), [
    ("年假怎么申请？", "zh", "员工的年休假须在系统中申请。", "员工的病假须在系统中申请。"),
    ("How do I apply for annual leave?", "en", "Apply for annual leave in the system.", "Apply for sick leave in the system."),
])
def test_the_gate_view_of_a_same_language_text_uses_the_lexicon_synonyms(question, language, synonym, other):
    coverage = _coverage(question)
    assert coverage.of_known(synonym, language) > coverage.of_known(other, language)
