"""Run Alembic programmatically (no alembic.ini): through the process's own engine under a lock, or from a URL."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent
PG_LOCK_KEY = 0x4D454E54  # "MENT": one advisory lock id for every Mentor process upgrading the same database


def alembic_config(url: str) -> Config:
    """An Alembic config pointing at this tree and the given database URL."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade_to_heads(url: str) -> None:
    """Apply every branch's migrations up to its head from a URL (tests, tools); safe to run repeatedly."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(url), "heads")
    log.info("database upgraded to heads")


def at_heads(engine: Engine) -> bool:
    """True when the database already carries every head revision (a cheap read, no lock)."""
    heads = set(ScriptDirectory.from_config(alembic_config(engine.url.render_as_string(False))).get_heads())
    with engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return current == heads


def upgrade_engine(engine: Engine) -> None:
    """Bring the engine's database to the heads, one process at a time: SQLite takes its write lock (BEGIN
    IMMEDIATE), PostgreSQL an advisory lock; whoever waits finds the work done. A no-op when already at heads."""
    if at_heads(engine):
        return
    sqlite = engine.dialect.name == "sqlite"
    bind = engine.execution_options(sqlite_begin="IMMEDIATE") if sqlite else engine
    config = alembic_config(engine.url.render_as_string(False))
    with bind.connect() as connection:
        if sqlite:  # batch migrations copy tables; foreign-key checks would trip over the copy (set outside a txn)
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            connection.begin()
            if not sqlite:
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY})
            config.attributes["connection"] = connection
            command.upgrade(config, "heads")
            if connection.in_transaction():
                connection.commit()
        finally:
            if sqlite:
                if connection.in_transaction():
                    connection.rollback()
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")
    log.info("database upgraded to heads")


def current_heads(url: str) -> list[str]:
    """Revision ids the script tree declares as heads (for status output)."""
    return list(ScriptDirectory.from_config(alembic_config(url)).get_heads())
