"""kudos messages: where each recipient's DM was posted, and the reply_url a shout-out went
through, so Undo can remove every message a kudos caused

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 20:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("kudos", schema=None) as batch_op:
        batch_op.add_column(sa.Column("dm_channel_id", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("dm_ts", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("shoutout_reply_url", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("kudos", schema=None) as batch_op:
        batch_op.drop_column("shoutout_reply_url")
        batch_op.drop_column("dm_ts")
        batch_op.drop_column("dm_channel_id")
