"""BM25, tokenization, fusion and language detection on hand-checked inputs."""

import math

import numpy as np

from retrieval.bm25 import BM25Index
from retrieval.fusion import reciprocal_rank_fusion
from retrieval.language import detect_language
from retrieval.tokenize import Tokenizer


def test_chinese_and_english_tokens_drop_stopwords_and_stem():
    tokens = Tokenizer().tokens("员工的年休假有几天？What are the annual leave policies?")
    assert "年休假" in tokens and "的" not in tokens
    assert {"annual", "leave", "policy"} <= set(tokens) and "the" not in tokens


def test_glossary_term_is_kept_whole():
    plain = Tokenizer().tokens("培训完成率必须达标")
    with_glossary = Tokenizer(["培训完成率"]).tokens("培训完成率必须达标")
    assert "培训完成率" in with_glossary
    assert "培训完成率" not in plain


def test_bm25_scores_match_the_formula():
    index = BM25Index.build(["a", "b"], [["leave", "leave", "day"], ["day"]])
    idf_leave = math.log(1 + (2 - 1 + 0.5) / (1 + 0.5))
    avg = 2.0
    expected = idf_leave * 2 * 2.5 / (2 + 1.5 * (1 - 0.75 + 0.75 * 3 / avg))
    assert np.isclose(index.scores(["leave"])[0], expected, rtol=1e-5)
    assert index.scores(["leave"])[1] == 0
    assert [h.chunk_id for h in index.top(["leave", "day"], 5)] == ["a", "b"]


def test_bm25_mask_hides_chunks_and_save_load_roundtrip(tmp_path):
    index = BM25Index.build(["a", "b"], [["x"], ["x", "y"]])
    assert [h.chunk_id for h in index.top(["x"], 5, mask=np.array([False, True]))] == ["b"]
    index.save(tmp_path)
    loaded = BM25Index.load(tmp_path)
    assert loaded.ids == ["a", "b"] and np.allclose(loaded.scores(["x"]), index.scores(["x"]))


def test_rrf_rewards_agreement():
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["b", "c", "a"]])
    assert fused[0][0] == "b"


def test_language_detection():
    assert detect_language("年假有几天") == "zh"
    assert detect_language("How many days of annual leave?") == "en"
    assert detect_language("SEC-101 课程什么时候截止") == "zh"


def test_weighted_query_terms_scale_their_contribution():
    index = BM25Index.build(["a", "b"], [["leave", "day"], ["holiday", "day"]])
    full = index.scores(["leave", "holiday"])
    weighted = index.scores({"leave": 1.0, "holiday": 0.5})
    assert np.isclose(weighted[0], full[0]) and np.isclose(weighted[1], full[1] * 0.5)
    assert [h.chunk_id for h in index.top({"leave": 1.0, "holiday": 0.5}, 5)] == ["a", "b"]
