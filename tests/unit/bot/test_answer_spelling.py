"""Typo tolerance: a long English word the material never uses, one edit from one it does, is read as that word
(blind round 8: "and the referal bonus?" abstained, naming a kind the material never names)."""

from bot.answering.spelling import corrected, one_edit
from retrieval.tokenize import Tokenizer

_NEVER = 9.0
_INDEXED = {"referr": 2.0, "referral": 2.0, "bonus": 1.5, "reimburs": 1.0, "reimburse": 1.0, "probat": 2.5,
            "probation": 2.5, "overtim": 2.0, "overtime": 2.0, "travel": 1.0, "marking": 3.0, "mark": 3.0}


_TOKENIZER = Tokenizer()


def _stem(word):
    terms = _TOKENIZER.tokens(word)
    return terms[0] if len(terms) == 1 else None


def _idfs(terms):
    return {t: _INDEXED.get(t, _INDEXED.get(t.rstrip("s"), _NEVER)) for t in terms}


def _fix(question):
    return corrected(question, _stem, _idfs, _NEVER)


def test_one_edit_covers_the_four_kinds_of_typo():
    edits = one_edit("referal")
    assert {"referral", "refeal", "rfeeral", "reforal"} <= edits
    assert "referal" not in edits


def test_a_misspelt_word_is_read_as_the_indexed_word_one_edit_away():
    assert _fix("and the referal bonus?") == "and the referral bonus?"
    assert _fix("Does the company reimbusre travel?") == "Does the company reimburse travel?"
    assert _fix("Overtme during probaton?") == "Overtime during probation?"  # capital kept


def test_known_words_short_words_and_words_with_no_near_neighbour_stay():
    assert _fix("and the referral bonus?") == "and the referral bonus?"
    assert _fix("is there a gym fee?") == "is there a gym fee?"  # under six letters: too many neighbours
    assert _fix("can I get a pension?") == "can I get a pension?"  # unseen, nothing one edit away: an honest gap
    assert _fix("parking rules?") == "parking rules?"  # 'marking' is one edit away but starts with another letter
    assert _fix("年终奖referal") == "年终奖referral"  # Chinese stays as written
    assert _fix("can I be reimbursd?") == "can I be reimburse?"  # a mistyped last letter, the whole word indexed


def test_a_word_the_lexicon_knows_is_no_typo():
    """"internal trainer" is 内部讲师 in the Chinese material: no page holds "trainer", and "trained" is one edit
    away; the lexicon knows the word, so it stays (dev conversation c-en-709 lost its answer to the correction)."""
    indexed = dict(_INDEXED, **{_stem("trained"): 1.0})

    def idfs(terms):
        return {t: indexed.get(t, _NEVER) for t in terms}

    question = "how long is an internal trainer certification valid?"
    assert corrected(question, _stem, idfs, _NEVER) != question  # without the lexicon it would be "trained"
    assert corrected(question, _stem, idfs, _NEVER, known=lambda word: word == "trainer") == question


def test_an_edit_the_stemmer_cuts_back_to_a_short_stem_is_no_correction():
    """"housing" -> "houring" (stem hour) and "parking" -> "parting" (stem part) are one edit away from indexed stems
    only through a suffix the edit made; pooled dev lost the housing-fund questions and answered a parking one."""
    indexed = dict(_INDEXED, **{_stem("hour"): 1.0, _stem("part"): 1.0})

    def idfs(terms):
        return {t: indexed.get(t, _NEVER) for t in terms}

    assert corrected("What is the housing fund rate?", _stem, idfs, _NEVER) == "What is the housing fund rate?"
    assert corrected("parking permit?", _stem, idfs, _NEVER) == "parking permit?"


def test_words_of_any_lexicon_entry_are_known():
    from retrieval.crosslingual import Lexicon

    lexicon = Lexicon.load()
    assert lexicon.knows_word("housing") and lexicon.knows_word("trainers") and not lexicon.knows_word("referal")


def test_a_letter_added_at_the_end_is_an_inflection_not_a_correction():
    """"reimburse" where only "reimburses" is indexed (the stemmer keeps them apart): the search treats the word as
    it always did; "correcting" it made an out-of-scope question (daycare costs) look covered on pooled dev."""
    indexed = {_stem("reimburses"): 1.0}

    def idfs(terms):
        return {t: indexed.get(t, _NEVER) for t in terms}

    assert _stem("reimburse") != _stem("reimburses")
    assert corrected("Does the company reimburse daycare?", _stem, idfs, _NEVER) == "Does the company reimburse daycare?"


def test_a_hyphenated_compound_is_left_as_written():
    """"non-compete": the shared corpus holds 竞业限制, not "compete", and "complete" is one edit away; pooled shared
    dev xs-en-012 lost its answer when the part was corrected on its own."""
    indexed = {_stem("complete"): 1.0}

    def idfs(terms):
        return {t: indexed.get(t, _NEVER) for t in terms}

    question = "How long can a non-compete restriction last?"
    assert corrected(question, _stem, idfs, _NEVER) == question
