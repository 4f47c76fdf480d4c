"""hr: covering index for survey aggregates by period (satisfaction, course ratings)

Revision ID: hr_0004
Revises: hr_0003
Create Date: 2026-11-25 09:10:00
"""

from __future__ import annotations

from alembic import op

revision = "hr_0004"
down_revision = "hr_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Satisfaction and rating counts read only this index."""
    with op.batch_alter_table("hr_survey_response") as batch_op:
        batch_op.create_index("ix_survey_period", ["submitted_on", "course_code", "rating"], unique=False)


def downgrade() -> None:
    """Drop the index."""
    with op.batch_alter_table("hr_survey_response") as batch_op:
        batch_op.drop_index("ix_survey_period")
