"""When the offline answerer answers, hedges or abstains, by hand-computed evidence profiles."""

from bot.answering.relevance import RelevancePolicy, confidence

POLICY = RelevancePolicy(min_dense={"zh": 0.86, "en": 0.815}, flat_margin=0.025, flat_extra=0.03, low_band=0.02,
                         margin_weight=0.0)


def test_peaked_profile_above_the_floor_answers():
    assert confidence([0.95] + [0.85] * 29, "zh", POLICY) == "high"  # margin 0.097, floor 0.86


def test_near_the_floor_answers_with_a_caveat():
    assert confidence([0.87] + [0.80] * 29, "zh", POLICY) == "low"  # 0.87 < 0.86 + 0.02


def test_flat_profile_needs_a_higher_floor():
    flat = [0.88] + [0.87] * 29  # margin 0.0097 < 0.025: floor becomes 0.89
    assert confidence(flat, "zh", POLICY) is None
    assert confidence([0.83] + [0.70] * 29, "en", POLICY) == "low"


def test_no_material_abstains():
    assert confidence([], "en", POLICY) is None


def test_a_strong_quoted_sentence_lifts_and_unseen_terms_lower_the_evidence():
    policy = RelevancePolicy(min_dense={"zh": 0.866, "en": 0.807}, sentence_weight=0.01, sentence_center=9.0,
                             unseen_weight=0.02, low_band=0.01, margin_weight=0.0)
    profile = [0.86] + [0.80] * 29
    assert confidence(profile, "zh", policy) is None  # 0.86 alone is under the Chinese floor
    assert confidence(profile, "zh", policy, best_sentence=10.0) == "low"  # 0.86 + 0.01 = 0.87
    assert confidence(profile, "zh", policy, best_sentence=10.0, unseen=1.0) is None  # 0.87 - 0.02


def test_a_value_question_whose_quote_holds_no_value_of_that_kind_abstains():
    from bot.answering.relevance import lacks_asked_value

    policy = RelevancePolicy()
    assert lacks_asked_value({"strict_value": 1.0, "value": 0.0}, policy)
    assert not lacks_asked_value({"strict_value": 1.0, "value": 1.0}, policy)
    assert not lacks_asked_value({"strict_value": 0.0, "value": 1.0}, policy)  # "what should I do?" needs no value
    assert not lacks_asked_value({"strict_value": 0.0, "value": 0.0}, policy)  # "how often?": "every two weeks"
    assert not lacks_asked_value({"strict_value": 1.0}, policy)  # nothing quoted: the other checks decide
    assert not lacks_asked_value({"strict_value": 1.0, "value": 0.0}, RelevancePolicy(require_value=False))


def test_a_quote_in_the_other_language_gets_its_cosine_lead_back():
    policy = RelevancePolicy(min_dense={"zh": 0.866, "en": 0.807}, sentence_weight=0.0, unseen_weight=0.0,
                             cross_language_bonus=0.01, low_band=0.0, margin_weight=0.0,
                             min_dense_other={"zh": 0.866, "en": 0.807})
    profile = [0.80] + [0.75] * 29  # an English question whose nearest chunk is a Chinese rule
    assert confidence(profile, "en", policy) is None
    assert confidence(profile, "en", policy, cross=True) == "high"  # 0.80 + 0.01 >= 0.807


def test_material_that_stands_out_from_its_neighbours_counts_as_evidence():
    """Out-of-scope questions sit near many loosely related chunks alike (a flat profile); an answerable one's best
    chunk stands out (H14a: evidence = top + 2 x (top - mean of the top 30))."""
    policy = RelevancePolicy(min_dense={"zh": 0.932, "en": 0.901}, margin_weight=2.0, low_band=0.0)
    assert confidence([0.90] + [0.89] * 29, "zh", policy) is None  # 0.90 + 2 x 0.0097 = 0.919 < 0.932
    assert confidence([0.90] + [0.87] * 29, "zh", policy) == "high"  # 0.90 + 2 x 0.029 = 0.958


def test_a_quote_in_the_other_language_has_its_own_floor():
    policy = RelevancePolicy(min_dense={"zh": 0.932, "en": 0.901}, min_dense_other={"zh": 0.875, "en": 0.85},
                             margin_weight=0.0, low_band=0.0)
    profile = [0.86] + [0.80] * 29  # an English question whose nearest chunk is a Chinese rule
    assert confidence(profile, "en", policy) is None  # judged as a same-language quote: under 0.901
    assert confidence(profile, "en", policy, cross=True) == "high"  # the other-language floor is 0.85


def test_the_shipped_chinese_floor_answers_a_same_language_quote_at_evidence_0_927():
    """§18: the Chinese same-language floor refitted on one half of the pooled dev files (0.932 -> 0.925); statute
    questions whose right article stood at evidence 0.925-0.931 ('国家规定春节放几天假？') abstained."""
    assert confidence([0.927] * 30, "zh", RelevancePolicy()) is not None
    assert confidence([0.920] * 30, "zh", RelevancePolicy()) is None
