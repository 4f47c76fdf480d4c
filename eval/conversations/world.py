"""The world conversations run in: the sample organisation (a fresh copy per script), the sample knowledge base
indexed once, the fixed clock 2026-08-17 11:00 Asia/Shanghai, and the proper names a reply may keep as written."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_KB = ROOT / "knowledge" / "samples" / "kb"
SAMPLE_ORG = ROOT / "hr" / "samples" / "org"
DEFAULT_NOW = datetime(2026, 8, 17, 3, 0, tzinfo=UTC)  # Monday 11:00 in Shanghai


@dataclass
class World:
    """One script's world: its own database copy and HR service, the shared index, its clock."""

    hr: object
    index: object
    engine: object
    now: datetime
    proper_names: list[str] = field(default_factory=list)  # people, course titles, venues, trainers
    quotes: object = None  # eval.conversations.checks.Quotes over the knowledge base's text


class Worlds:
    """Makes a fresh World per script from one imported template database and one index."""

    def __init__(self, folder: Path, index, proper_names: list[str]):
        """folder holds template.db (the sample organisation, migrated and imported)."""
        from eval.conversations.checks import Quotes

        self.folder, self.index, self.proper_names = folder, index, proper_names
        passages = _all_passages(index)
        self.quotes = Quotes([p.text for p in passages])
        headings = {part.strip() for p in passages for part in (p.heading or "").split(">") if len(part.strip()) >= 2}
        titles = {p.title for p in passages if p.title}
        self.proper_names = sorted(set(proper_names) | headings | titles, key=len, reverse=True)
        self._count = 0

    @contextmanager
    def fresh(self, now: datetime | None = None) -> Iterator[World]:
        """A private copy of the organisation with its own HR service; disposed afterwards."""
        from adapters.wiring import build_engine_at, build_hr_service

        self._count += 1
        path = self.folder / f"world{self._count}.db"
        shutil.copy(self.folder / "template.db", path)
        engine = build_engine_at(f"sqlite:///{path}")
        moment = now or DEFAULT_NOW
        try:
            yield World(build_hr_service(None, engine, clock=lambda: moment), self.index, engine, moment,
                        self.proper_names, self.quotes)
        finally:
            engine.dispose()
            path.unlink(missing_ok=True)


@contextmanager
def sample_worlds(kb: Path = SAMPLE_KB, org: Path = SAMPLE_ORG) -> Iterator[Worlds]:
    """Import the organisation once, index the knowledge base once, then hand out fresh copies."""
    from adapters.wiring import build_engine_at
    from eval.throwaway import throwaway_index
    from hr.importer.run import import_org

    with tempfile.TemporaryDirectory(prefix="mentor-conversations-") as tmp, throwaway_index(kb) as (index, _report):
        folder = Path(tmp)
        engine = build_engine_at(f"sqlite:///{folder / 'template.db'}")  # Alembic, as every process
        try:
            report = import_org(engine, org)
            if not report.written:
                raise RuntimeError(f"the organisation in {org} did not import: {report.problems[:3]}")
            names = _proper_names(engine)
        finally:
            engine.dispose()
        yield Worlds(folder, index, names)


def _all_passages(index) -> list:
    """Every chunk of the knowledge base, whoever may read it (the checker only compares wording)."""
    from retrieval.types import Audience

    tags = set().union(*(set(d.audience) for d in index.catalog.documents())) or {"all"}
    return index.passages(audience=Audience(frozenset(tags)), limit=1_000_000)


def _proper_names(engine) -> list[str]:
    """Names replies may show as written in either language: people, course titles, session venues and trainers."""
    from sqlmodel import select

    from hr.db import session_scope
    from hr.models import Course, CourseSession, Employee

    with session_scope(engine) as db:
        names = {e.name for e in db.exec(select(Employee))}
        for course in db.exec(select(Course)):
            names.update(filter(None, (course.title, course.title_en)))
        for session in db.exec(select(CourseSession)):
            names.update(filter(None, (session.venue, session.instructor)))
    return sorted(names, key=len, reverse=True)
