"""hr: the notification log becomes an outbox (pending / sent with message id / failed / skipped, with reasons)

Revision ID: hr_0008
Revises: hr_0007
Create Date: 2026-11-26 11:00:00

Rows written before this revision keep their status; they have no message id because no receipt was kept then
(`mentor notices unconfirmed` lists them, `--requeue` queues still-relevant overdue notices again).
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "hr_0008"
down_revision = "hr_0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the outbox columns; created_at takes the old sent_at; sent_at may now be empty (not sent yet)."""
    with op.batch_alter_table("hr_notification_log") as batch_op:
        batch_op.add_column(sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("text_zh", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("text_en", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("channel", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("message_id", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("next_attempt_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("reason", sa.String(length=300), nullable=False, server_default=""))
    op.execute("UPDATE hr_notification_log SET created_at = sent_at, attempts = 1")
    with op.batch_alter_table("hr_notification_log") as batch_op:
        batch_op.alter_column("created_at", existing_type=sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False)
        batch_op.alter_column("sent_at", existing_type=sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        batch_op.create_index("ix_notification_outbox", ["status", "next_attempt_at"], unique=False)


def downgrade() -> None:
    """Back to a plain send log (unsent rows get their creation time as sent_at)."""
    op.execute("UPDATE hr_notification_log SET sent_at = created_at WHERE sent_at IS NULL")
    with op.batch_alter_table("hr_notification_log") as batch_op:
        batch_op.drop_index("ix_notification_outbox")
        batch_op.alter_column("sent_at", existing_type=sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False)
        for column in ("reason", "next_attempt_at", "attempts", "message_id", "channel", "text_en", "text_zh",
                       "created_at"):
            batch_op.drop_column(column)
