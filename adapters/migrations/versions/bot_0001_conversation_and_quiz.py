"""bot tables: conversation turns per thread and quiz sessions

Revision ID: bot_0001
Revises:
Create Date: 2026-11-25 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "bot_0001"
down_revision = None
branch_labels = ("bot",)
depends_on = None


def upgrade() -> None:
    """Create the bot's history and quiz tables (if_not_exists: a dev database may hold them from create_all)."""
    op.create_table(
        "bot_turn",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("thread_id", sa.String(length=200), nullable=False),
        sa.Column("employee_id", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("intent", sa.String(length=40), nullable=False),
        sa.Column("standalone", sa.Text(), nullable=False),
        sa.Column("pending", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        if_not_exists=True,
    )
    op.create_index("ix_bot_turn_employee_id", "bot_turn", ["employee_id"], if_not_exists=True)
    op.create_index("ix_bot_turn_thread", "bot_turn", ["channel", "thread_id", "employee_id"], if_not_exists=True)
    op.create_table(
        "bot_quiz_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("thread_id", sa.String(length=200), nullable=False),
        sa.Column("employee_id", sa.String(length=64), nullable=False),
        sa.Column("course", sa.String(length=32), nullable=True),
        sa.Column("quiz_json", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("tries_on_current", sa.Integer(), nullable=False),
        sa.Column("correct", sa.Integer(), nullable=False),
        sa.Column("finished", sa.Boolean(), nullable=False),
        sa.Column("recorded", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        if_not_exists=True,
    )
    op.create_index("ix_bot_quiz_session_employee_id", "bot_quiz_session", ["employee_id"], if_not_exists=True)


def downgrade() -> None:
    """Drop the bot's tables."""
    op.drop_index("ix_bot_quiz_session_employee_id", table_name="bot_quiz_session")
    op.drop_table("bot_quiz_session")
    op.drop_index("ix_bot_turn_thread", table_name="bot_turn")
    op.drop_index("ix_bot_turn_employee_id", table_name="bot_turn")
    op.drop_table("bot_turn")
