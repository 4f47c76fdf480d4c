"""Per-employee API tokens: shown once at creation, stored only as SHA-256, identity comes from them alone."""

from __future__ import annotations

import hashlib
import secrets

from sqlmodel import select

from adapters.tables import ApiToken
from hr.db import session_scope

TOKEN_PREFIX = "mtr_"


def hash_token(token: str) -> str:
    """SHA-256 hex; tokens are 256-bit random, so a plain hash (no slow KDF) cannot be brute-forced."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class TokenStore:
    """Create, check and revoke API tokens in the shared database."""

    def __init__(self, engine) -> None:
        """Keep the engine from the composition root."""
        self._engine = engine

    def create(self, employee_id: str, label: str = "") -> str:
        """Issue a new token for one employee and return it (the only time it is visible)."""
        if not employee_id.strip():
            raise ValueError("employee id is required, e.g. `mentor tokens create --employee E001`")
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with session_scope(self._engine, write=True) as session:
            session.add(ApiToken(employee_id=employee_id.strip(), token_hash=hash_token(token), label=label[:100]))
        return token

    def employee_for(self, token: str) -> str | None:
        """The employee a presented token belongs to, or None (unknown, revoked or malformed)."""
        if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
            return None
        with session_scope(self._engine) as session:
            row = session.exec(select(ApiToken).where(ApiToken.token_hash == hash_token(token))).first()
        if row is None or row.revoked:
            return None
        return row.employee_id

    def revoke_all(self, employee_id: str) -> int:
        """Revoke every token of one employee (offboarding); returns how many."""
        with session_scope(self._engine, write=True) as session:
            rows = session.exec(select(ApiToken).where(ApiToken.employee_id == employee_id,
                                                       ApiToken.revoked == False)).all()  # noqa: E712
            for row in rows:
                row.revoked = True
                session.add(row)
            return len(rows)
