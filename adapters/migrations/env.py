"""Alembic environment: connects with the URL set by adapters.migrations.runner (or an injected connection)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool
from sqlmodel import SQLModel

import hr.models  # noqa: F401  (registers HR tables on the metadata for autogenerate)
from adapters.migrations.comparable import include_object

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_offline() -> None:
    """Emit SQL without a live connection (alembic --sql)."""
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True, render_as_batch=True, include_object=include_object)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Migrate through a given connection (tests, schema-scoped Postgres) or one built from the URL."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = engine_from_config(config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.",
                                poolclass=pool.NullPool)
    with engine.connect() as conn:
        _run(conn)


def _run(connection) -> None:
    """Configure and run inside one transaction; batch mode lets SQLite alter tables."""
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                      version_table_schema=config.attributes.get("schema"), include_object=include_object)
    with context.begin_transaction():
        context.run_migrations()
    if connection.in_transaction():
        connection.commit()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
