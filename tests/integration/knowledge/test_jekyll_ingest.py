"""A Jekyll-built handbook ingests as it is (publishing keys ignored) while restrictions still fail closed; the real
18F handbook in ../shared/corpus ingests without a stripped copy."""

import hashlib
from pathlib import Path

import numpy as np
import pytest

from knowledge.ingest import Ingestor
from knowledge.publishing_keys import ignored_keys
from retrieval.types import Audience
from tests.integration.knowledge.conftest import write

SHARED_CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
EMPLOYEE = Audience.of("employee", "sales", "corp", "e0009")
HR = Audience.of("hr", "hrd", "corp", "e0001")

# Front-matter shaped like the 18F handbook's pages (keys, nesting and cases as they occur there).
PAGES = {
    "travel-and-leave__leave.md": """---
title: Leave types
keywords: hrlinks, hr links, vacation, funeral, death, bereavement, jury duty, court, military, leave request
redirect_from:
  - /leave/
---
# Leave types
Court leave is granted when an employee is summoned for jury duty; tell your supervisor a week ahead.
""",
    "travel-and-leave__travel-guide-4-reimbursement.md": """---
title: Get reimbursed
subtitle: "Travel guide: Step 4"
questions:
  - travel
  - tts-travel@gsa.gov
  - text: Book office hours
    url: https://calendar.example.gov/selfsched?cid=ZGplbW
redirect_from:
  - /travel-guide-4/
sidebar: travel
step_indicator: travel-guide
---
# Get reimbursed
File your voucher within five business days of returning from the trip.
""",
    "training-and-development__index.md": """---
title: Development and training
permalink: /training-and-development/
keywords: classes, training, development
cSpell: ignore recertification
---
# Development and training
Every employee may spend up to forty hours a year on approved training.
""",
    "hr-internal__pay-bands.md": """---
title: Pay bands
layout: page
keywords: pay, bands
audience: [hrd]
---
# Pay bands
Band seven pays forty thousand zebra coins a month.
""",
    "drafts__reorg.md": """---
title: Reorganisation plan
draft: true
---
# Reorganisation plan
The purple team merges into the orange team next spring.
""",
    "theme__banner.md": """---
title: Banner page
hero_banner: /img/banner.png
---
# Banner page
The cafeteria serves noodles on Thursdays.
""",
}


def _site(tmp_path) -> Path:
    for name, text in PAGES.items():
        write(tmp_path / "site" / name, text)
    return tmp_path / "site"


def test_a_jekyll_folder_ingests_publishing_keys_ignored_and_restrictions_kept(index, tmp_path):
    """Publishing keys load; `audience` still restricts; `draft: true` and an unlisted theme key fail, named."""
    report = Ingestor(index).ingest([_site(tmp_path)])
    assert sorted(report.added) == ["hr-internal__pay-bands.md", "training-and-development__index.md",
                                    "travel-and-leave__leave.md", "travel-and-leave__travel-guide-4-reimbursement.md"]
    failed = {Path(f.path).name: f.reason for f in report.failed}
    assert set(failed) == {"drafts__reorg.md", "theme__banner.md"}
    assert "draft" in failed["drafts__reorg.md"] and "audience" in failed["drafts__reorg.md"]
    assert "MENTOR_INGEST_IGNORED_KEYS" in failed["theme__banner.md"]
    assert index.search("how soon must I file my travel voucher", EMPLOYEE, 3)[0].source.endswith("reimbursement.md")
    assert index.catalog.document("hr-internal__pay-bands.md").audience == ("hrd",)
    assert all(p.source != "hr-internal__pay-bands.md" for p in index.search("band seven zebra coins", EMPLOYEE, 5))
    assert index.search("band seven zebra coins", HR, 3)[0].source == "hr-internal__pay-bands.md"
    assert all(p.source != "drafts__reorg.md" for p in index.search("purple team merges", HR, 5))


def test_the_operator_setting_lets_a_theme_key_through(index, tmp_path):
    """With the theme key listed, its page ingests; the draft still does not."""
    report = Ingestor(index, ignored_keys=ignored_keys(["hero_banner"])).ingest([_site(tmp_path)])
    assert "theme__banner.md" in report.added
    assert [Path(f.path).name for f in report.failed] == ["drafts__reorg.md"]


class HashingEmbedder:
    """A cheap deterministic embedder: the real-corpus test checks metadata, not ranking, on a busy machine."""

    name, dim = "test-hashing", 16

    def embed_passages(self, texts):
        return np.vstack([self.embed_query(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def embed_query(self, text):
        vector = np.frombuffer(hashlib.sha256(text.encode("utf-8")).digest()[:self.dim], np.uint8).astype(np.float32)
        return vector / (np.linalg.norm(vector) or 1.0)


@pytest.mark.skipif(not (SHARED_CORPUS / "en_18f_handbook").is_dir(), reason="../shared/corpus is not present")
def test_the_real_shared_corpus_ingests_without_a_stripped_copy(tmp_path):
    """Every page of the real 18F handbook and every law ingests with default settings, all public."""
    from retrieval.index import KnowledgeIndex

    index = KnowledgeIndex(tmp_path / "index", HashingEmbedder(), embedding_cache=tmp_path / "cache.sqlite3")
    try:
        report = Ingestor(index).ingest([SHARED_CORPUS])
        assert report.ok, [(f.path, f.reason) for f in report.failed]
        pages = [p for p in (SHARED_CORPUS / "en_18f_handbook").glob("*.md") if p.name != "LICENSE.md"]
        assert len([s for s in report.added if s.startswith("en_18f_handbook/")]) == len(pages) >= 20
        assert all(d.audience == ("all",) for d in index.catalog.documents())
        assert index.catalog.document("en_18f_handbook/travel-and-leave__leave.md").title == "Leave types"
    finally:
        index.close()
