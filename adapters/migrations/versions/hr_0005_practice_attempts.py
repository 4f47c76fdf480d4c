"""hr: practice attempts (chat self-tests) in their own table, apart from official exam attempts

Revision ID: hr_0005
Revises: hr_0004
Create Date: 2026-11-26 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "hr_0005"
down_revision = "hr_0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create hr_practice_attempt; nothing that computes exam pass rates, KPIs or retakes reads it."""
    op.create_table(
        "hr_practice_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.String(length=64), nullable=False),
        sa.Column("course_code", sa.String(length=32), nullable=False),
        sa.Column("attempted_on", sa.Date(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("questions", sa.Integer(), nullable=False),
        sa.Column("correct", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("moved_from_attempt_no", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["course_code"], ["hr_course.code"]),
        sa.ForeignKeyConstraint(["employee_id"], ["hr_employee.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("hr_practice_attempt") as batch_op:
        batch_op.create_index("ix_practice_attempt_person", ["employee_id", "course_code"], unique=False)
        batch_op.create_index("ix_practice_attempt_date", ["attempted_on", "course_code"], unique=False)


def downgrade() -> None:
    """Drop the practice table."""
    with op.batch_alter_table("hr_practice_attempt") as batch_op:
        batch_op.drop_index("ix_practice_attempt_date")
        batch_op.drop_index("ix_practice_attempt_person")
    op.drop_table("hr_practice_attempt")
