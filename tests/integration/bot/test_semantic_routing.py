"""Routing by meaning with the real multilingual embedder: paraphrases with no cue phrase still find their tool."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from adapters.settings import load_settings
from adapters.wiring import build_embedder, build_index
from bot.routing.router import IntentRouter
from bot.routing.semantic import PlainEncoder
from tests.unit.bot.test_routing import CATALOG

TODAY = date(2026, 8, 15)


@pytest.fixture(scope="module")
def encoder():
    return PlainEncoder(build_embedder(load_settings()))


@pytest.mark.parametrize(("text", "intent"), [
    ("我手头还有啥没弄完的", "my_progress"),
    ("anything still open on my plate?", "my_progress"),
    ("哪门课值得我下一步去学", "recommend_courses"),
    ("anything good I should pick up next?", "recommend_courses"),
    ("我这个季度分数咋样", "explain_kpi"),
])
def test_paraphrases_without_cue_words_route_by_meaning(encoder, text, intent):
    assert IntentRouter(CATALOG, encoder=encoder).route(text, TODAY).intent == intent


@pytest.mark.parametrize("text", ["How do I book a training room?", "培训期间的差旅费怎么报销", "补考一般怎么安排",
                                  "I got 80 points on the exam, did I pass?", "我有没有通过试用期"])
def test_policy_questions_near_training_words_stay_questions(encoder, text):
    assert IntentRouter(CATALOG, encoder=encoder).route(text, TODAY).intent == "search_knowledge"


class _BrokenEncoder:
    """An embedding endpoint that answered once (for the examples) and is now down."""

    encoder_name = "broken|query"

    def embed_queries(self, texts):
        return np.ones((len(texts), 4), dtype=np.float32) / 2

    def query_vector(self, text):
        raise ConnectionError("embedding endpoint unreachable")


def test_router_still_routes_when_the_embedder_fails():
    router = IntentRouter(CATALOG, encoder=_BrokenEncoder())
    assert router.route("帮我报名信息安全基础", TODAY).intent == "enroll"


class _DownAtStart(_BrokenEncoder):
    """An embedding endpoint that is already down when the service starts."""

    encoder_name = "down-at-start|query"

    def embed_queries(self, texts):
        raise ConnectionError("embedding endpoint unreachable")


def test_router_builds_and_routes_when_the_embedder_is_down_at_start():
    router = IntentRouter(CATALOG, encoder=_DownAtStart())
    assert router.route("my progress", TODAY).intent == "my_progress"


class _CountingEmbedder:
    """Deterministic 8-dimensional vectors that count how often the model is asked."""

    name = "counting-test"
    dim = 8

    def __init__(self):
        self.calls = 0

    def embed_query(self, text):
        self.calls += 1
        vector = np.zeros(self.dim, dtype=np.float32)
        vector[hash(text) % self.dim] = 1.0
        return vector

    def embed_passages(self, texts):
        return np.vstack([self.embed_query(t) for t in texts])


def test_index_keeps_query_vectors_of_examples_across_processes(tmp_path):
    settings = load_settings(home=tmp_path)
    first = _CountingEmbedder()
    index = build_index(settings, embedder=first)
    vectors = index.embed_queries(["enroll me", "我的进度"])
    index.close()
    assert first.calls == 2 and vectors.shape == (2, 8)
    second = _CountingEmbedder()
    reopened = build_index(settings, embedder=second)
    again = reopened.embed_queries(["enroll me", "我的进度"])
    reopened.close()
    assert second.calls == 0 and np.allclose(again, vectors)
