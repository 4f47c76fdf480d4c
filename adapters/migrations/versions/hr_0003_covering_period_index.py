"""hr: covering index for period aggregates (reports by course read the index only)

Revision ID: hr_0003
Revises: hr_0002
Create Date: 2026-11-25 09:05:00
"""

from __future__ import annotations

from alembic import op

revision = "hr_0003"
down_revision = "hr_0002"
branch_labels = None
depends_on = None

COLUMNS = ["due_on", "status", "employee_id", "course_code", "completed_on", "progress_pct"]


def upgrade() -> None:
    """Replace the due-date index with one holding every column the period aggregates read."""
    with op.batch_alter_table("hr_enrollment") as batch_op:
        batch_op.drop_index("ix_enrollment_due_status")
        batch_op.create_index("ix_enrollment_period", COLUMNS, unique=False)


def downgrade() -> None:
    """Back to the narrower hr_0001 index."""
    with op.batch_alter_table("hr_enrollment") as batch_op:
        batch_op.drop_index("ix_enrollment_period")
        batch_op.create_index("ix_enrollment_due_status", ["due_on", "status", "employee_id"], unique=False)
