"""One fresh, migrated PostgreSQL schema per use, so parallel runs sharing the test database never collide."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text

from adapters.migrations.runner import upgrade_to_heads


@contextmanager
def migrated_postgres_schema() -> Iterator[str]:
    """Yield a URL whose search_path is a new schema migrated to heads; drop the schema afterwards."""
    with fresh_postgres_schema() as url:
        upgrade_to_heads(url)
        yield url


@contextmanager
def fresh_postgres_schema() -> Iterator[str]:
    """Yield a URL whose search_path is a new, empty schema (migrate it as the test needs); drop it afterwards."""
    base = os.environ.get("MENTOR_TEST_POSTGRES_URL")
    if not base:
        pytest.skip("MENTOR_TEST_POSTGRES_URL is not set (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)")
    schema = f"mentor_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    try:
        yield url
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
