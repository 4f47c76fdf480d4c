"""The engine factory's SQLite settings and the transaction scope."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from hr.db import make_engine, session_scope


def test_sqlite_pragmas(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000


def test_session_scope_commits_or_rolls_back(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'y.db'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (v INTEGER)"))
    with session_scope(engine, write=True) as db:
        db.execute(text("INSERT INTO t VALUES (1)"))
    with pytest.raises(RuntimeError), session_scope(engine, write=True) as db:
        db.execute(text("INSERT INTO t VALUES (2)"))
        raise RuntimeError("boom")
    with session_scope(engine) as db:
        assert [row[0] for row in db.execute(text("SELECT v FROM t"))] == [1]
