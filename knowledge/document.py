"""What a loader produces: a document as titled blocks of text under heading paths."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Block:
    """A run of text under one heading path (and on one PDF page)."""

    heading_path: tuple[str, ...]
    text: str
    page: int | None = None


@dataclass
class LoadedDocument:
    """A parsed file: title, front-matter metadata and blocks in reading order."""

    title: str
    blocks: list[Block]
    meta: dict = field(default_factory=dict)


class LoadError(Exception):
    """A file that cannot be ingested; the message is one line naming the reason and what to do."""

    code = "ingest_failed"
    http_status = 422
