"""kudos ledger: batches, shout-out locations, undo, per-role allowances

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("kudos", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("batch_key", sa.String(length=160), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("shoutout_channel_id", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("shoutout_ts", sa.String(length=32), nullable=True))
        batch_op.add_column(
            sa.Column("undone_at", storage.models.base.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.create_index("ix_kudos_team_batch", ["team_id", "batch_key"], unique=False)
        batch_op.create_index(
            "ix_kudos_team_shoutout",
            ["team_id", "shoutout_channel_id", "shoutout_ts"],
            unique=False,
        )
    with op.batch_alter_table("workspaces", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("role_allowances", sa.JSON(), nullable=False, server_default="{}")
        )


def downgrade() -> None:
    with op.batch_alter_table("workspaces", schema=None) as batch_op:
        batch_op.drop_column("role_allowances")
    with op.batch_alter_table("kudos", schema=None) as batch_op:
        batch_op.drop_index("ix_kudos_team_shoutout")
        batch_op.drop_index("ix_kudos_team_batch")
        batch_op.drop_column("undone_at")
        batch_op.drop_column("shoutout_ts")
        batch_op.drop_column("shoutout_channel_id")
        batch_op.drop_column("batch_key")
