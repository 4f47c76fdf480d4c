"""hr indexes for scale: enrollments by session; covering index for exam pass counts

Revision ID: hr_0002
Revises: hr_0001
Create Date: 2026-11-25 09:00:00
"""

from __future__ import annotations

from alembic import op

revision = "hr_0002"
down_revision = "hr_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Seat recounts and session reminders look enrollments up by session; exam pass counts read the index only."""
    with op.batch_alter_table("hr_enrollment") as batch_op:
        batch_op.create_index("ix_enrollment_session", ["session_id"], unique=False)
    with op.batch_alter_table("hr_exam_attempt") as batch_op:
        batch_op.drop_index("ix_exam_attempt_date")
        batch_op.create_index("ix_exam_attempt_date", ["attempted_on", "employee_id", "course_code", "passed"],
                              unique=False)


def downgrade() -> None:
    """Back to the hr_0001 indexes."""
    with op.batch_alter_table("hr_exam_attempt") as batch_op:
        batch_op.drop_index("ix_exam_attempt_date")
        batch_op.create_index("ix_exam_attempt_date", ["attempted_on", "employee_id"], unique=False)
    with op.batch_alter_table("hr_enrollment") as batch_op:
        batch_op.drop_index("ix_enrollment_session")
