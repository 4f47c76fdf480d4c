"""hr: expression index on lower(trim(name)), the key chat turns look colleagues up by

Revision ID: hr_0009
Revises: hr_0008
Create Date: 2026-12-02 18:00:00

Why: every chat turn asks which of the message's candidate strings are colleagues' names
(hr/repositories/org_repo.active_names_among); without an index that is a scan of the employee table (117 ms per
lookup on a 100k-person SQLite organisation).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "hr_0009"
down_revision = "hr_0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """SQLite (3.9+) and PostgreSQL both index the expression; the query uses the same one."""
    op.create_index("ix_employee_name_key", "hr_employee", [sa.text("lower(trim(name))")], unique=False)


def downgrade() -> None:
    """Drop the index."""
    op.drop_index("ix_employee_name_key", table_name="hr_employee")
