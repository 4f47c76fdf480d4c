"""Processes starting together on a fresh database migrate it once through Alembic (SQLite write lock / PostgreSQL
advisory lock) and all come up; an existing database at the heads is left alone."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import create_engine, text

from adapters.migrations.runner import current_heads
from tests.postgres_schema import fresh_postgres_schema

START = "import sys; from adapters.wiring import build_engine_at; build_engine_at(sys.argv[1]).dispose(); print('up')"


def _start_together(url: str, processes: int = 3) -> list[subprocess.CompletedProcess]:
    """Start several processes building the engine at the same moment; wait for all."""
    running = [subprocess.Popen([sys.executable, "-c", START, url], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True) for _ in range(processes)]
    return [subprocess.CompletedProcess(p.args, p.wait(180), *p.communicate()) for p in running]


def _versions(url: str) -> set[str]:
    """The revisions recorded in alembic_version."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_processes_starting_together_migrate_once(backend, tmp_path):
    def check(url: str) -> None:
        done = _start_together(url)
        assert all(p.returncode == 0 and "up" in p.stdout for p in done), [p.stderr[-2000:] for p in done]
        assert _versions(url) == set(current_heads(url))
        again = _start_together(url, 1)[0]  # already at heads: a plain read, no lock taken
        assert again.returncode == 0, again.stderr[-2000:]

    if backend == "sqlite":
        check(f"sqlite:///{tmp_path / 'fresh.db'}")
    else:
        with fresh_postgres_schema() as url:
            check(url)
