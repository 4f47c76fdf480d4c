"""Cited extractive answers, abstention, and the ingest/ask commands end to end."""

import json

from typer.testing import CliRunner

from adapters.cli.main import build_app
from bot.answering.extractive import answer_question
from knowledge.ingest import Ingestor
from tests.integration.retrieval.conftest import write
from tests.integration.retrieval.test_ingest_search import EXPENSE, LEAVE


def test_answer_quotes_the_rule_with_a_citation(index, tmp_path):
    write(tmp_path / "kb" / "leave.md", LEAVE)
    write(tmp_path / "kb" / "expense.md", EXPENSE)
    Ingestor(index).ingest([tmp_path / "kb"])
    answer = answer_question(index, "我工作12年了，每年有几天年假？")
    assert not answer.abstained
    assert "10天" in answer.text and "[1]" in answer.text
    assert answer.citations[0].source == "leave.md" and answer.citations[0].heading.endswith("第五条")
    english = answer_question(index, "What is the limit for business meals?")
    assert "150 yuan" in english.text and english.citations[0].source == "expense.md"


def test_unknown_topics_abstain_in_the_question_language(index, tmp_path):
    write(tmp_path / "kb" / "leave.md", LEAVE)
    write(tmp_path / "kb" / "expense.md", EXPENSE)
    Ingestor(index).ingest([tmp_path / "kb"])
    zh = answer_question(index, "公司的股票期权多久归属？")
    en = answer_question(index, "Can I bring my dog to the office?")
    assert zh.abstained and "HR" in zh.text and not zh.citations
    assert en.abstained and "HR" in en.text


def test_cli_ingest_and_ask_json(tmp_path, monkeypatch):
    monkeypatch.setenv("MENTOR_HOME", str(tmp_path / "home"))
    write(tmp_path / "kb" / "leave.md", LEAVE)
    (tmp_path / "kb" / "notes.xlsx").write_bytes(b"x")
    runner = CliRunner()
    result = runner.invoke(build_app(), ["ingest", str(tmp_path / "kb")])
    assert result.exit_code == 1, result.output
    assert "notes.xlsx" in result.output and "unsupported" in result.output and "added 1" in result.output
    asked = runner.invoke(build_app(), ["ask", "病假超过几天要诊断证明？", "--json"])
    assert asked.exit_code == 0, asked.output
    payload = json.loads(asked.stdout)
    assert set(payload) >= {"answer", "citations", "abstained"} and payload["abstained"] is False
    assert set(payload["citations"][0]) >= {"n", "source", "title", "heading", "chunk_id", "text"}


def test_lexicon_synonyms_reach_keyword_search_and_sentence_choice(index, tmp_path):
    """年假 is never written in the policy (it says 年休假, and 年假 tokenizes as 年 + 假); the lexicon's synonyms
    still lead keyword search and the quoted sentence to the rule."""
    write(tmp_path / "kb" / "leave.md", "# 休假制度\n\n## 天数\n工作满一年，年休假5天。\n")
    write(tmp_path / "kb" / "other.md", "# 考勤\n\n## 工龄\n工龄按10年计算。\n\n## 合同\n合同期限为3年。\n\n"
                                         "## 调岗\n入职满2年可申请调岗。\n")
    Ingestor(index).ingest([tmp_path / "kb"])
    assert index.search("年假有几天", k=1, mode="bm25")[0].source == "leave.md"
    answer = answer_question(index, "年假有几天？")
    assert "年休假5天" in answer.text.split("\n\n")[0]


def test_a_value_question_answered_only_by_a_rule_without_a_value_abstains(index, tmp_path):
    """'How much ... per hour?' quoting 'trainer fees are borne by HR' is on topic but is no answer (H14d)."""
    from bot.answering.relevance import RelevancePolicy

    write(tmp_path / "kb" / "training.md", "---\ntitle: 培训管理制度\n---\n# 培训管理制度\n## 第九条 内部培训费用\n"
          "内部培训的讲师费、教材费和场地费由人力资源部统一列支，不向员工收取任何费用。\n")
    write(tmp_path / "kb" / "leave.md", LEAVE)
    Ingestor(index).ingest([tmp_path / "kb"])
    question = "How much are internal trainers paid per hour of teaching?"
    lenient = {"zh": -1.0, "en": -1.0}  # floors out of the way: only the value check decides
    strict = answer_question(index, question, policy=RelevancePolicy(min_dense=lenient, min_dense_other=lenient))
    assert strict.abstained and strict.signals["strict_value"] == 1.0 and strict.signals["value"] == 0.0
    assert not answer_question(index, question, policy=RelevancePolicy(min_dense=lenient, min_dense_other=lenient,
                                                                  require_value=False)).abstained
    write(tmp_path / "kb" / "expense.md", EXPENSE)
    Ingestor(index).ingest([tmp_path / "kb"])
    answered = answer_question(index, "What is the limit for business meals?",
                               policy=RelevancePolicy(min_dense=lenient, min_dense_other=lenient))
    assert not answered.abstained and answered.signals["value"] == 1.0 and 0.0 < answered.signals["cover_quote"] <= 1.0
