"""hr: official exam sittings (started on purpose, recorded once)

Revision ID: hr_0006
Revises: hr_0005
Create Date: 2026-11-26 09:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "hr_0006"
down_revision = "hr_0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create hr_exam_sitting; open_key is unique so one person has at most one open exam per course."""
    op.create_table(
        "hr_exam_sitting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.String(length=64), nullable=False),
        sa.Column("course_code", sa.String(length=32), nullable=False),
        sa.Column("opened_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("opened_by", sa.String(length=64), nullable=False),
        sa.Column("question_count", sa.Integer(), nullable=False),
        sa.Column("passing_score", sa.Float(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("open_key", sa.String(length=100), nullable=True),
        sa.Column("attempt_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["attempt_id"], ["hr_exam_attempt.id"]),
        sa.ForeignKeyConstraint(["course_code"], ["hr_course.code"]),
        sa.ForeignKeyConstraint(["employee_id"], ["hr_employee.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("open_key"),
    )
    with op.batch_alter_table("hr_exam_sitting") as batch_op:
        batch_op.create_index("ix_hr_exam_sitting_employee_id", ["employee_id"], unique=False)


def downgrade() -> None:
    """Drop the sittings table."""
    with op.batch_alter_table("hr_exam_sitting") as batch_op:
        batch_op.drop_index("ix_hr_exam_sitting_employee_id")
    op.drop_table("hr_exam_sitting")
