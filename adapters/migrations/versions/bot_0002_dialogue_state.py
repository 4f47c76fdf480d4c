"""bot tables: dialogue state per thread (last subject, intent, pending change, language)

Revision ID: bot_0002
Revises: bot_0001
Create Date: 2026-11-26 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "bot_0002"
down_revision = "bot_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create bot_dialogue_state (if_not_exists: a dev database may hold it from create_all)."""
    op.create_table(
        "bot_dialogue_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("thread_id", sa.String(length=200), nullable=False),
        sa.Column("employee_id", sa.String(length=64), nullable=False),
        sa.Column("state_json", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("channel", "thread_id", "employee_id", name="uq_bot_dialogue_state_thread"),
        if_not_exists=True,
    )
    op.create_index("ix_bot_dialogue_state_employee_id", "bot_dialogue_state", ["employee_id"], if_not_exists=True)


def downgrade() -> None:
    """Drop the dialogue state table."""
    op.drop_index("ix_bot_dialogue_state_employee_id", table_name="bot_dialogue_state")
    op.drop_table("bot_dialogue_state")
