"""An English question's Chinese quote needs more than the lexicon translation's agreement (issue 14, §14).

The translation keeps only the words the lexicon knows ("sales" of "Who won last quarter's sales contest?"), so it can
agree with a loosely related rule (the sales discount rule); the question's own cosine to that quote and the quoted
passage's coverage stay low, and their sum tells the two apart."""

from bot.answering.relevance import RelevancePolicy, cross_support, lacks_cross_support
from tests.unit.bot.test_answer_cross_agreement import _AnswerIndex

# signals measured on the pooled dev files (rounded)
SALES_CONTEST = {"cross_agreement": 0.893, "sentence_similarity": 0.766, "cover_passage": 0.114, "unseen": 0.6}
PARKING_PERMIT = {"cross_agreement": 0.884, "sentence_similarity": 0.788, "cover_passage": 0.213, "unseen": 0.75}
INSURANCE_CAP = {"cross_agreement": 0.897, "sentence_similarity": 0.788, "cover_passage": 0.416, "unseen": 0.857}
SICK_CALL_IN = {"cross_agreement": 0.893, "sentence_similarity": 0.84, "cover_passage": 0.104, "unseen": 0.5}


def test_loosely_related_quotes_lack_support_and_right_ones_have_it():
    policy = RelevancePolicy()
    assert lacks_cross_support(SALES_CONTEST, "en", policy)
    assert lacks_cross_support(PARKING_PERMIT, "en", policy)
    assert not lacks_cross_support(INSURANCE_CAP, "en", policy)  # 'annual payout cap' -> 每年理赔上限为5万元
    assert not lacks_cross_support(SICK_CALL_IN, "en", policy)  # 'woke up sick' -> the 2-hour call-in rule


def test_only_other_language_quotes_of_english_questions_are_judged():
    policy = RelevancePolicy()
    same_language = {k: v for k, v in SALES_CONTEST.items() if k != "cross_agreement"}
    assert cross_support(same_language, policy) is None
    assert not lacks_cross_support(same_language, "en", policy)
    assert not lacks_cross_support(SALES_CONTEST, "zh", policy)  # no gain for Chinese questions on dev: no floor
    assert not lacks_cross_support(SALES_CONTEST, "en", RelevancePolicy(cross_support_floor={}))


class _LowOwnCosineIndex(_AnswerIndex):
    """The translation agrees with the Chinese rule, but the English question's own cosine to it is low."""

    def __init__(self, translated_cosine, own_cosine):
        super().__init__(translated_cosine)
        self._own = own_cosine

    def passage_similarities(self, query, texts, kept=False):
        return [self._own if query.isascii() else self._translated for _ in texts]


def test_a_clear_translated_agreement_no_longer_answers_alone():
    from bot.answering.extractive import answer_question

    question = "What kind of hospital does my sick note need to come from?"
    # 0.91 is above cross_accept: before §14 this answered whatever the question's own cosine was
    assert answer_question(_LowOwnCosineIndex(0.91, 0.68), question).abstained
    answered = answer_question(_LowOwnCosineIndex(0.91, 0.79), question)
    assert not answered.abstained
    assert answered.signals["sentence_similarity"] == 0.79
