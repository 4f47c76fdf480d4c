"""Metrics are computed right, gold files are validated, and the shipped gold sets stay true to their corpora."""

import json
from pathlib import Path

import pytest

from eval.gold.check import check
from eval.gold.split import main as split_main
from eval.gold.split import split_rows, stratum
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


@pytest.mark.parametrize("questions", ["sample_kb.jsonl", "sample_kb_acl.jsonl", "sample_kb.dev.jsonl",
                                       "sample_kb.test.jsonl", "extra_dev_crosslingual.jsonl",
                                       "sample_kb.round3.jsonl", "sample_kb.round4.jsonl",
                                       "sample_kb.round5.jsonl", "sample_kb.round6.jsonl",
                                       "sample_kb.round7.jsonl", "sample_kb.round8.jsonl",
                                       "sample_kb.round9.jsonl", "sample_kb.round10.jsonl"])
def test_sample_gold_sets_match_the_sample_kb(questions):
    report = check(ROOT / "knowledge" / "samples" / "kb", ROOT / "eval" / "gold" / questions)
    assert not report.problems, report.problems[:5]


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")
@pytest.mark.parametrize("questions", ["shared_corpus.jsonl", "shared_corpus.dev.jsonl", "shared_corpus.test.jsonl",
                                       "extra_dev_crosslingual_shared.jsonl",
                                       "shared_corpus.round3.jsonl", "shared_corpus.round4.jsonl",
                                       "shared_corpus.round5.jsonl", "shared_corpus.round6.jsonl",
                                       "shared_corpus.round7.jsonl", "shared_corpus.round8.jsonl",
                                       "shared_corpus.round9.jsonl", "shared_corpus.round10.jsonl"])
def test_shared_corpus_gold_set_matches_the_corpus(questions):
    report = check(SHARED_CORPUS, ROOT / "eval" / "gold" / questions)
    assert not report.problems, report.problems[:5]


def test_committed_dev_test_splits_match_the_split_script():
    assert split_main(["--check"]) == 0


def test_split_is_stratified_disjoint_and_complete():
    rows = [{"id": f"q{i}", "lang": "zh" if i % 2 else "en", "expect": "abstain" if i % 5 == 0 else "answer",
             "cross_lingual": i % 7 == 0} for i in range(60)]
    dev, test = split_rows(rows)
    assert {r["id"] for r in dev}.isdisjoint(r["id"] for r in test)
    assert len(dev) + len(test) == len(rows)
    for key in {stratum(r) for r in rows}:
        in_dev = sum(1 for r in dev if stratum(r) == key)
        in_test = sum(1 for r in test if stratum(r) == key)
        assert abs(in_dev - in_test) <= 1, key
    assert split_rows(rows) == (dev, test)  # fixed seed: the same split every time


def test_committed_pdf_and_docx_match_their_generator():
    assert make_binaries(["--check"]) == 0

