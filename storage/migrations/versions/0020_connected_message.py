"""connected message: where the reply that connected asker and helper is (the question's thread
or their group DM), so that once the question closes it says how it ended and loses Solved

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05 05:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("connected_message_channel", sa.String(length=32), nullable=True)
        )
        batch_op.add_column(sa.Column("connected_message_ts", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.drop_column("connected_message_ts")
        batch_op.drop_column("connected_message_channel")
