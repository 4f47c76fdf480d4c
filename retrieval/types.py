"""Plain data that crosses the retrieval boundary: what a search returns and who is asking."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Passage:
    """One retrieved chunk with everything a citation needs."""

    chunk_id: str
    text: str
    score: float
    source: str  # path relative to the ingested root, e.g. "policies/leave.md"
    title: str
    heading: str  # heading path, e.g. "第三章 考核与补考 > 第六条"
    page: int | None = None
    course: str | None = None  # course code from front-matter, when the document is course material
    language: str = "zh"  # "zh" or "en", detected at ingestion
    dense_score: float | None = None
    keyword_score: float | None = None


@dataclass(frozen=True)
class Audience:
    """The tags a reader holds; a chunk is visible when it shares one ("all" is everyone's)."""

    tags: frozenset[str] = field(default_factory=lambda: frozenset({"all"}))

    @classmethod
    def of(cls, *tags: str | None) -> Audience:
        """Build from employee facts (id, department ids, role); always includes "all"."""
        return cls(frozenset({"all", *(t.strip().lower() for t in tags if t and t.strip())}))

    @classmethod
    def everyone(cls) -> Audience:
        """Only public material: what an unidentified reader may see."""
        return cls()
