"""With an LLM endpoint the model judges answerability and words the answer; its citations and numbers are checked.

The endpoint is a scripted OpenAI-compatible server over real HTTP on 127.0.0.1 (tests/integration/bot/fake_openai)."""

import json

import pytest

from bot.agent.model_factory import build_chat_model
from bot.answering.compose import HEADER
from bot.answering.extractive import ABSTAIN_TEXT, answer_question
from bot.answering.llm_judge import LLMJudge
from knowledge.ingest import Ingestor
from tests.integration.bot.fake_openai import FakeOpenAI, text
from tests.integration.retrieval.conftest import write
from tests.integration.retrieval.test_ingest_search import EXPENSE, LEAVE

QUESTION = "我工作12年了，每年有几天年假？"


@pytest.fixture
def kb_index(index, tmp_path):
    write(tmp_path / "kb" / "leave.md", LEAVE)
    write(tmp_path / "kb" / "expense.md", EXPENSE)
    Ingestor(index).ingest([tmp_path / "kb"])
    return index


def _judge(fake: FakeOpenAI) -> LLMJudge:
    return LLMJudge(build_chat_model(fake.base_url, "", "fake-model", timeout_s=10))


def _verdict(answerable: bool, answer: str = "") -> dict:
    return text(json.dumps({"answerable": answerable, "answer": answer, "cited": [1]}, ensure_ascii=False))


def test_the_model_words_the_answer_from_numbered_sentences_and_keeps_citations(kb_index):
    with FakeOpenAI([_verdict(True, "按工龄计算，以规定为准 [1]")]) as fake:
        answer = answer_question(kb_index, QUESTION, judge=_judge(fake))
    sent = fake.requests[0]["messages"]
    assert "JSON" in sent[0]["content"] and QUESTION in sent[1]["content"] and "[1] " in sent[1]["content"]
    assert not answer.abstained and answer.text.startswith("按工龄计算，以规定为准 [1]")
    assert answer.citations and answer.citations[0].n == 1 and "来源：" in answer.text


def test_the_model_saying_not_answerable_makes_mentor_abstain(kb_index):
    with FakeOpenAI([_verdict(False)]) as fake:
        answer = answer_question(kb_index, QUESTION, judge=_judge(fake))
    assert answer.abstained and answer.text == ABSTAIN_TEXT["zh"] and not answer.citations


@pytest.mark.parametrize("step", [
    _verdict(True, "每年有99天年假 [1]"),  # a number none of the cited sentences states
    _verdict(True, "每年10天 [9]"),  # a sentence it was never shown
    _verdict(True, "每年10天"),  # no citation at all
    text("I think about 10 days."),  # not the JSON asked for
    ("status", 500),  # the endpoint fails
])
def test_an_unchecked_or_failed_reply_keeps_the_extractive_answer(kb_index, step):
    with FakeOpenAI([step]) as fake:
        answer = answer_question(kb_index, QUESTION, judge=_judge(fake))
    assert not answer.abstained and answer.text.startswith(HEADER["zh"]) and "10天" in answer.text
