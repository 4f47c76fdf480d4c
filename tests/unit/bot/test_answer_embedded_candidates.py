"""The sentence that answers is often far down its section (a late line of a long page, one item of a list), where
the cheap signals alone rank it below ten others; it must still get its own similarity measured (issue 14, §15)."""

from bot.answering.compose import rank_sentences
from retrieval.types import Passage


class _FlatCoverage:
    """Every sentence covers the question equally: only position and similarity tell them apart."""

    language = "en"

    def of(self, text, language=None):
        return 0.0

    def of_known(self, text, language=None):
        return 0.0


LINES = [f"Step {i} of the offboarding checklist is listed in the guide." for i in range(1, 15)]
ANSWER = "Begin this process at least two weeks before your last day of work."
SECTION = Passage("leaving-3", " ".join(LINES + [ANSWER]), 0.0, "handbook/leaving.md", "Leaving", "Offboarding",
                  language="en", dense_score=0.8)


def _similarity(texts):
    return [0.9 if ANSWER in text else 0.5 for text in texts]


def test_a_late_sentence_of_a_long_section_is_still_measured_and_wins():
    ranked = rank_sentences(_FlatCoverage(), [SECTION], similarity=_similarity)
    assert ranked[0].sentence == ANSWER

