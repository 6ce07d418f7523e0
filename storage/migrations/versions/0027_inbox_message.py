"""the message an inbox entry carries the words of (channel and ts): a deleted or edited
message's words are emptied from the inbox at once, found by them, rather than kept the day
every handled request is

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-06 03:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0027"
down_revision: str | None = "0026"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("channel_id", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("message_ts", sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f("ix_inbox_message_ts"), ["message_ts"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inbox_message_ts"))
        batch_op.drop_column("message_ts")
        batch_op.drop_column("channel_id")
