"""`mentor ingest`: walk paths, skip unchanged files by content hash, publish changes in batches, report.

Each document is swapped atomically (never both or neither version searchable); a large run is published in
batches, so while it runs readers may already see some of its documents and not yet others."""

from __future__ import annotations

import hashlib
import logging
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.audience import audience_of
from knowledge.chunker import chunk_document
from knowledge.document import LoadError
from knowledge.embed_ahead import EmbedAhead
from knowledge.folder_audience import folder_audience, hash_with_default
from knowledge.loaders import SUPPORTED, load_file
from knowledge.publishing_keys import DEFAULT_IGNORED_KEYS
from retrieval.catalog import ChunkRow, DocumentRow
from retrieval.embedders.pool import EmbedderPool
from retrieval.index import DocumentChange, KnowledgeIndex
from retrieval.language import detect_language

log = logging.getLogger(__name__)
_SKIP_NAMES = {"README.md", "LICENSE.md", "LICENSE", "MANIFEST.json"}
BATCH_CHUNKS = 5000  # chunks held and published together; bounds memory and the cost of a failed batch
GIVE_UP_AFTER = 3  # files failing one after another in a retried batch: the index (or embedder) is down, stop trying


@dataclass
class FileFailure:
    """A file that could not be ingested and why (one line)."""

    path: str
    reason: str


@dataclass
class IngestReport:
    """What one run did; `ok` is False when any file failed."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[FileFailure] = field(default_factory=list)
    chunks: int = 0
    vectors_restored: int = 0  # chunks of unchanged files embedded again (e.g. after switching embedders)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when every file ingested."""
        return not self.failed


@dataclass(frozen=True)
class SourceFile:
    """A file found under an ingested root, with its catalog key (path relative to that root)."""

    path: Path
    source: str


def discover(paths: Iterable[Path]) -> tuple[list[SourceFile], list[FileFailure]]:
    """Files to ingest under the given files/folders, keyed relative to the folder given (or by file name)."""
    found: list[SourceFile] = []
    problems: list[FileFailure] = []
    keys: dict[str, Path] = {}
    for root in paths:
        root = Path(root)
        if not root.exists():
            problems.append(FileFailure(str(root), "path does not exist"))
        elif root.is_file():
            found.append(SourceFile(root, root.name))
        else:
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                rel = path.relative_to(root)
                if any(part.startswith(".") for part in rel.parts) or path.name in _SKIP_NAMES:
                    continue
                if path.suffix.lower() in SUPPORTED:
                    found.append(SourceFile(path, rel.as_posix()))
                else:
                    problems.append(FileFailure(str(path), f"unsupported file type '{path.suffix or '(none)'}'; "
                                                           f"supported: {', '.join(sorted(SUPPORTED))}"))
    unique: list[SourceFile] = []
    for source_file in found:
        first = keys.setdefault(source_file.source, source_file.path)
        if first != source_file.path:
            problems.append(FileFailure(str(source_file.path), f"same key '{source_file.source}' as {first}; ingest "
                                                               "their common parent folder instead"))
        else:
            unique.append(source_file)
    return unique, problems


class Ingestor:
    """Loads and chunks files and hands the index batches of changes."""

    def __init__(self, index: KnowledgeIndex, known_audience: Collection[str] | None = None,
                 embedder_pool: EmbedderPool | None = None,
                 ignored_keys: frozenset[str] = DEFAULT_IGNORED_KEYS) -> None:
        """`known_audience`: every valid audience tag (roles, departments, employees); None skips that check.
        `embedder_pool`: embedding processes that embed prepared files ahead of publishing (`mentor ingest`).
        `ignored_keys`: front-matter/Keywords publishing keys to ignore (knowledge.publishing_keys.ignored_keys)."""
        self.index = index
        self.ignored_keys = ignored_keys
        self.known_audience = known_audience
        self._ahead = EmbedAhead(index, embedder_pool) if embedder_pool is not None else None
        self._folder_defaults: dict[Path, tuple[str, ...] | None] = {}

    def ingest(self, paths: Sequence[Path], prune: bool = False,
               progress: Callable[[str], None] | None = None) -> IngestReport:
        """Ingest files and folders; a failing file is reported and skipped, nothing indexed is lost.

        Changes are published in batches of about BATCH_CHUNKS chunks, so memory stays bounded on large folders and
        an embedding failure costs only the files of its batch that really fail (each is then retried alone)."""
        started = time.perf_counter()
        self._folder_defaults.clear()  # a `.audience.yaml` edited since the last run counts
        report = IngestReport()
        files, problems = discover(paths)
        report.failed.extend(problems)
        paths_by_source = {f.source: f.path for f in files}
        pending: list[DocumentChange] = []
        pending_chunks = 0
        # With embedding processes, one full batch is held back: its vectors are computed while the next batch is
        # prepared, and publishing it (keyword index, catalog, Chroma) overlaps the next batch's embedding.
        waiting: deque[list[DocumentChange]] = deque()
        look_ahead = 1 if self._ahead is not None else 0
        for source_file in files:
            try:
                change = self._prepare(source_file, report)
            except LoadError as exc:
                report.failed.append(FileFailure(str(source_file.path), str(exc)))
                change = None
            except Exception as exc:  # a parser bug must not stop the other files
                log.exception("unexpected error loading %s", source_file.path)
                report.failed.append(FileFailure(str(source_file.path), f"could not be read ({type(exc).__name__})"))
                change = None
            if change is not None:
                pending.append(change)
                pending_chunks += len(change.chunks)
                if self._ahead is not None:
                    self._ahead.start(change)
                if pending_chunks >= BATCH_CHUNKS:
                    waiting.append(pending)
                    pending, pending_chunks = [], 0
                    while len(waiting) > look_ahead:
                        self._publish(waiting.popleft(), report, paths_by_source)
            if progress:
                progress(source_file.source)
        waiting.append(pending)
        while waiting:
            self._publish(waiting.popleft(), report, paths_by_source)
        if prune and problems:  # a missing root or clashing key must never read as "these documents are gone"
            report.failed.append(FileFailure("--prune", "skipped because some paths could not be read; "
                                                        "fix the errors above and run again"))
            prune = False
        removals = self._stale_sources(files) if prune else []
        with self.index.write_lock():
            self.index.apply([], removals)
        report.removed.extend(removals)
        self._restore_vectors(report)
        report.seconds = time.perf_counter() - started
        return report

    def _publish(self, changes: list[DocumentChange], report: IngestReport, paths: dict[str, Path]) -> None:
        """Publish a batch; if it fails (e.g. the embedder), retry file by file and report the ones that still fail."""
        if not changes:
            return
        if self._ahead is not None:
            self._ahead.finish(changes)
        error = self._apply(changes, report)
        if error is None:
            return
        log.warning("publishing %d documents failed (%s); retrying one by one", len(changes), error)
        failures_in_a_row = 0
        for position, change in enumerate(changes):
            if len(changes) > 1:
                error = self._apply([change], report)
            if error is None:
                failures_in_a_row = 0
                continue
            self._fail(change, report, paths, f"could not be indexed ({type(error).__name__}: {error})")
            failures_in_a_row += 1
            if failures_in_a_row >= GIVE_UP_AFTER:
                for rest in changes[position + 1:]:
                    self._fail(rest, report, paths, f"not attempted: the files before it failed the same way "
                                                    f"({type(error).__name__}: {error})")
                return

    def _apply(self, changes: list[DocumentChange], report: IngestReport) -> Exception | None:
        """Publish changes under the write lock; the error, if any (the index drops what a failed apply half-wrote)."""
        try:
            with self.index.write_lock():
                self.index.apply(changes)
        except Exception as exc:
            return exc
        report.chunks += sum(len(c.chunks) for c in changes)
        return None

    @staticmethod
    def _fail(change: DocumentChange, report: IngestReport, paths: dict[str, Path], why: str) -> None:
        """Move a prepared file from added/updated to failed, saying that its previous version still stands."""
        source = change.document.source
        log.warning("could not publish %s: %s", source, why)
        for done in (report.added, report.updated):
            if source in done:
                done.remove(source)
        report.failed.append(FileFailure(str(paths.get(source, source)),
                                         f"{why}; its previous version, if any, is still searchable; run ingest again"))

    def _restore_vectors(self, report: IngestReport) -> None:
        """Unchanged files still need vectors when the embedder changed since they were indexed."""
        try:
            with self.index.write_lock():
                report.vectors_restored = self.index.ensure_vectors(report.unchanged)
        except Exception as exc:
            log.warning("could not restore vectors of unchanged documents: %s", exc)
            report.failed.append(FileFailure("(unchanged documents)", f"vectors could not be restored "
                                             f"({type(exc).__name__}: {exc}); keyword search still finds them; "
                                             "run ingest again"))

    def _prepare(self, source_file: SourceFile, report: IngestReport) -> DocumentChange | None:
        """Chunk a new or changed file; None when its content hash is already published."""
        default = folder_audience(source_file.path, self.known_audience, self._folder_defaults)
        content_hash = hash_with_default(hashlib.sha256(source_file.path.read_bytes()).hexdigest(), default)
        existing = self.index.catalog.document(source_file.source)
        if existing and existing.content_hash == content_hash:
            report.unchanged.append(source_file.source)
            return None
        if self._ahead is not None:
            self._ahead.warm_up()  # the embedding processes start while this file is read, chunked and tokenised
        loaded = load_file(source_file.path, self.ignored_keys)
        audience = audience_of(loaded.meta, default, self.known_audience)
        chunks = chunk_document(source_file.source, loaded, audience)
        if not chunks:
            raise LoadError("no text to index")
        language = str(loaded.meta.get("lang") or detect_language(" ".join(c.text for c in chunks[:20])))
        course = loaded.meta.get("course")
        document = DocumentRow(source=source_file.source, title=loaded.title, content_hash=content_hash,
                               audience=audience, course=str(course).strip().upper() if course else None,
                               language=language, chunk_count=len(chunks))
        tokenizer = self.index.tokenizer
        rows = [ChunkRow(chunk_id=c.chunk_id, source=source_file.source, ordinal=c.ordinal, text=c.text,
                         heading=c.heading, page=c.page, language=detect_language(c.text),
                         tokens=tuple(tokenizer.tokens(f"{loaded.title} {c.heading} {c.text}"))) for c in chunks]
        (report.updated if existing else report.added).append(source_file.source)
        return DocumentChange(document, rows)

    def _stale_sources(self, files: Sequence[SourceFile]) -> list[str]:
        """Published documents whose files were not found in this run."""
        present = {f.source for f in files}
        return [d.source for d in self.index.catalog.documents() if d.source not in present]
