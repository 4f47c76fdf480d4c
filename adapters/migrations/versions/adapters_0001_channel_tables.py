"""channel tables: dedupe keys, API tokens, answer feedback

Revision ID: adapters_0001
Revises:
Create Date: 2026-11-25 08:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "adapters_0001"
down_revision = None
branch_labels = ("adapters",)
depends_on = None


def upgrade() -> None:
    """Create the channels' tables (if_not_exists: a dev database may already hold them from create_all)."""
    op.create_table(
        "channel_dedupe",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
        if_not_exists=True,
    )
    op.create_index("ix_channel_dedupe_created_at", "channel_dedupe", ["created_at"], if_not_exists=True)
    op.create_table(
        "api_token",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.String(length=64), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
        if_not_exists=True,
    )
    op.create_index("ix_api_token_employee_id", "api_token", ["employee_id"], if_not_exists=True)
    op.create_table(
        "answer_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("message_ref", sa.String(length=200), nullable=False),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        if_not_exists=True,
    )
    op.create_index("ix_answer_feedback_employee_id", "answer_feedback", ["employee_id"], if_not_exists=True)


def downgrade() -> None:
    """Drop the channels' tables."""
    op.drop_table("answer_feedback")
    op.drop_table("api_token")
    op.drop_table("channel_dedupe")
