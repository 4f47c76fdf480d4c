"""Metrics are computed right, gold files are validated, and the shipped gold sets stay true to their corpora."""

import json
from pathlib import Path

import pytest

from eval.gold.check import check
from eval.metrics import first_hit_rank, ndcg, percentile
from eval.questions import GoldFileError, load_questions
from knowledge.samples.make_binaries import main as make_binaries

ROOT = Path(__file__).resolve().parents[3]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


def test_rank_metrics_by_hand():
    assert first_hit_rank(["a", "b", "g"], {"g"}) == 3
    assert first_hit_rank(["a"], {"g"}) is None
    assert ndcg(["g", "x"], {"g"}) == 1.0
    assert ndcg(["x", "g", "g"], {"g"}) == pytest.approx(1 / 1.5849625, rel=1e-6)
    assert percentile([5, 1, 3, 2, 4], 50) == 3 and percentile([1] * 19 + [100], 95) == 1


def test_gold_file_errors_name_the_line(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text(json.dumps({"id": "1", "question": "q", "gold_sources": ["a.md"]}) + "\n{bad\n", encoding="utf-8")
    with pytest.raises(GoldFileError, match=r"q.jsonl:2"):
        load_questions(path)
    path.write_text(json.dumps({"id": "1", "question": "q", "expect": "maybe"}) + "\n", encoding="utf-8")
    with pytest.raises(GoldFileError, match="expect must be"):
        load_questions(path)


@pytest.mark.parametrize("questions", ["sample_kb.jsonl", "sample_kb_acl.jsonl"])
def test_sample_gold_sets_match_the_sample_kb(questions):
    report = check(ROOT / "knowledge" / "samples" / "kb", ROOT / "eval" / "gold" / questions)
    assert not report.problems, report.problems[:5]


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
def test_shared_corpus_gold_set_matches_the_corpus():
    report = check(SHARED_CORPUS, ROOT / "eval" / "gold" / "shared_corpus.jsonl")
    assert not report.problems, report.problems[:5]


def test_committed_pdf_and_docx_match_their_generator():
    assert make_binaries(["--check"]) == 0
