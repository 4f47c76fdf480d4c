"""Ingest real files into a real index (Chroma + BM25 + e5) and search them in both languages."""

import threading

from knowledge.ingest import Ingestor
from retrieval.types import Audience
from tests.integration.retrieval.conftest import write

LEAVE = """---
title: 请假与休假制度
---
# 请假与休假制度
## 第二章 年休假
第五条 员工累计工作已满1年不满10年的，年休假5天；已满10年不满20年的，年休假10天。
第六条 年休假原则上应在当年度内休完。
## 第三章 病假
第七条 病假超过3天须提供医院诊断证明。
"""
EXPENSE = """---
title: Expense Policy
---
# Expense Policy
## Meals
Business meals are reimbursed up to 150 yuan per person. Submit receipts within 30 days.
"""
MANAGERS = """---
title: Calibration guide
audience: [manager]
---
# Calibration guide
Managers submit calibration results by the 10th working day after each quarter.
"""


def _kb(tmp_path):
    root = tmp_path / "kb"
    write(root / "leave.md", LEAVE)
    write(root / "expense.md", EXPENSE)
    write(root / "managers.md", MANAGERS)
    return root


def test_ingest_then_search_in_both_languages(index, tmp_path):
    report = Ingestor(index).ingest([_kb(tmp_path)])
    assert report.ok and sorted(report.added) == ["expense.md", "leave.md", "managers.md"]
    zh = index.search("工作满12年可以休几天年假", k=3)
    assert zh[0].source == "leave.md" and zh[0].heading == "第二章 年休假 > 第五条"
    assert zh[0].title == "请假与休假制度" and zh[0].chunk_id
    en = index.search("how long do I have to hand in meal receipts", k=3)
    assert en[0].source == "expense.md"
    for mode in ("bm25", "dense"):
        assert index.search("病假 诊断证明", k=1, mode=mode)[0].heading.endswith("第七条")


def test_audience_is_enforced_inside_retrieval(index, tmp_path):
    Ingestor(index).ingest([_kb(tmp_path)])
    question = "when are calibration results due"
    for mode in ("bm25", "dense", "hybrid"):
        assert all(p.source != "managers.md" for p in index.search(question, Audience.of("employee"), 5, mode))
        assert index.search(question, Audience.of("manager"), 5, mode)[0].source == "managers.md"


def test_reingest_is_incremental_and_prune_removes(index, tmp_path):
    root = _kb(tmp_path)
    Ingestor(index).ingest([root])
    again = Ingestor(index).ingest([root])
    assert again.added == [] and again.updated == [] and len(again.unchanged) == 3
    write(root / "expense.md", EXPENSE.replace("150 yuan", "200 yuan"))
    (root / "managers.md").unlink()
    changed = Ingestor(index).ingest([root], prune=True)
    assert changed.updated == ["expense.md"] and changed.removed == ["managers.md"]
    texts = " ".join(p.text for p in index.search("meal reimbursement limit", Audience.of("manager"), 10))
    assert "200 yuan" in texts and "150 yuan" not in texts and "calibration" not in texts.lower()
    stats = index.stats()
    assert stats["chunks"] == stats["vectors"] == stats["keyword_chunks"]


def test_failures_are_reported_and_nothing_indexed_is_lost(index, tmp_path):
    root = _kb(tmp_path)
    Ingestor(index).ingest([root])
    (root / "leave.md").write_bytes(b"")
    (root / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    report = Ingestor(index).ingest([root], prune=True)
    reasons = {f.path.rsplit("/", 1)[-1]: f.reason for f in report.failed}
    assert not report.ok and "empty" in reasons["leave.md"] and "corrupt" in reasons["broken.pdf"]
    assert index.search("年休假几天", k=1)[0].source == "leave.md"  # the previous version still answers


def test_changed_document_swaps_without_a_gap(index, tmp_path):
    root = tmp_path / "kb"
    write(root / "rules.md", "---\ntitle: Rules\n---\n# Rules\nThe zebra allowance is version-one money.\n")
    Ingestor(index).ingest([root])
    seen: list[set[str]] = []
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            for mode in ("bm25", "hybrid"):
                texts = {p.text for p in index.search("zebra allowance", k=5, mode=mode) if p.source == "rules.md"}
                seen.append({"one" if "version-one" in t else "two" for t in texts})

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for version in ("version-two", "version-one", "version-two"):
            write(root / "rules.md", f"---\ntitle: Rules\n---\n# Rules\nThe zebra allowance is {version} money.\n")
            Ingestor(index).ingest([root])
    finally:
        stop.set()
        thread.join()
    assert seen and all(len(versions) == 1 for versions in seen), "a search saw both versions or neither"


def test_prune_with_a_missing_root_removes_nothing(index, tmp_path):
    Ingestor(index).ingest([_kb(tmp_path)])
    report = Ingestor(index).ingest([tmp_path / "not-mounted"], prune=True)
    assert not report.ok and report.removed == []
    assert index.stats()["documents"] == 3


def test_same_key_from_two_roots_is_refused(index, tmp_path):
    write(tmp_path / "a" / "index.md", LEAVE)
    write(tmp_path / "b" / "index.md", EXPENSE)
    report = Ingestor(index).ingest([tmp_path / "a", tmp_path / "b"])
    assert report.added == ["index.md"] and "same key" in report.failed[0].reason


def test_audience_fails_closed(index, tmp_path):
    write(tmp_path / "kb" / "upper.md", "---\nAudience: hr\n---\n# Pay bands\nBand 7 pays 40k.\n")
    write(tmp_path / "kb" / "empty.md", "---\naudience:\n---\n# Secret\nNot for everyone.\n")
    report = Ingestor(index).ingest([tmp_path / "kb"])
    assert [f.path.rsplit("/", 1)[-1] for f in report.failed] == ["empty.md"]
    assert index.search("band 7 pay", k=3) == []
    assert index.search("band 7 pay", Audience.of("hr"), 3)[0].source == "upper.md"


def test_reingest_restores_missing_vectors_of_unchanged_files(index, tmp_path):
    root = _kb(tmp_path)
    Ingestor(index).ingest([root])
    index._vectors.delete(index.catalog.chunk_ids("leave.md"))  # as after switching to a new embedder
    report = Ingestor(index).ingest([root])
    assert len(report.unchanged) == 3 and report.vectors_restored == len(index.catalog.chunk_ids("leave.md"))
    stats = index.stats()
    assert stats["vectors"] == stats["chunks"]
    assert index.search("年休假几天", k=1, mode="dense")[0].source == "leave.md"


class _FailsOnMarker:
    """The real embedder, except that it fails (like an endpoint rejecting an input) on texts with a marker."""

    def __init__(self, inner):
        self.inner, self.name, self.dim = inner, inner.name, inner.dim

    def embed_passages(self, texts):
        if any("EMBED-FAILS" in t for t in texts):
            raise RuntimeError("input rejected by the embedding endpoint")
        return self.inner.embed_passages(texts)

    def embed_query(self, text):
        return self.inner.embed_query(text)


def test_an_embedding_failure_costs_only_its_own_file(tmp_path, embedder, monkeypatch):
    import knowledge.ingest as ingest_module
    from retrieval.index import KnowledgeIndex

    monkeypatch.setattr(ingest_module, "BATCH_CHUNKS", 1000)  # all three files in one batch, as by default
    index = KnowledgeIndex(tmp_path / "index", _FailsOnMarker(embedder), embedding_cache=tmp_path / "cache.sqlite3")
    try:
        root = _kb(tmp_path)
        assert Ingestor(index).ingest([root]).ok
        write(root / "leave.md", LEAVE.replace("第六条", "EMBED-FAILS 第六条"))
        write(root / "travel.md", "---\ntitle: Travel\n---\n# Travel\nTrain tickets are booked through the travel desk.\n")
        report = Ingestor(index).ingest([root])
        assert [f.path.rsplit("/", 1)[-1] for f in report.failed] == ["leave.md"]
        assert "could not be indexed" in report.failed[0].reason and "run ingest again" in report.failed[0].reason
        assert report.added == ["travel.md"] and report.updated == []
        assert index.search("travel desk train tickets", k=1)[0].source == "travel.md"
        assert index.search("年休假几天", k=1)[0].source == "leave.md"  # the previous version still answers
        assert "EMBED-FAILS" not in " ".join(p.text for p in index.passages(source="leave.md"))
        stats = index.stats()
        assert stats["vectors"] == stats["chunks"]
    finally:
        index.close()


def test_large_runs_publish_in_batches(index, tmp_path, monkeypatch):
    import knowledge.ingest as ingest_module

    monkeypatch.setattr(ingest_module, "BATCH_CHUNKS", 1)  # every file its own batch
    report = Ingestor(index).ingest([_kb(tmp_path)])
    assert report.ok and len(report.added) == 3 and report.chunks == index.stats()["chunks"]


class _Down:
    """An embedding endpoint that is down: every passage request fails (queries too)."""

    def __init__(self, inner):
        self.name, self.dim, self.calls = inner.name, inner.dim, 0

    def embed_passages(self, texts):
        self.calls += 1
        raise ConnectionError("embedding endpoint unreachable")

    def embed_query(self, text):
        raise ConnectionError("embedding endpoint unreachable")


def test_a_dead_embedder_is_not_retried_for_every_file(tmp_path, embedder):
    from retrieval.index import KnowledgeIndex

    down = _Down(embedder)
    index = KnowledgeIndex(tmp_path / "index", down, embedding_cache=tmp_path / "cache.sqlite3")
    try:
        root = tmp_path / "kb"
        for n in range(8):
            write(root / f"doc{n}.md", f"# Doc {n}\nPolicy number {n} says something different.\n")
        report = Ingestor(index).ingest([root])
        assert len(report.failed) == 8 and not report.added and report.chunks == 0
        assert down.calls == 1 + 3  # the batch, then three files alone, then it stops trying
        assert sum("not attempted" in f.reason for f in report.failed) == 5
        assert index.stats()["chunks"] == 0
    finally:
        index.close()
