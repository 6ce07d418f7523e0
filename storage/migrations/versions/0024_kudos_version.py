"""kudos versions: an Undo counts up the workspace's kudos_version and marks its entries, so a
replica's routing index takes them back in place instead of being rebuilt

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-05 19:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("workspaces", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kudos_version", sa.Integer(), server_default="0", nullable=False)
        )
    with op.batch_alter_table("kudos", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kudos_version", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.create_index("ix_kudos_team_kudos_version", ["team_id", "kudos_version"])


def downgrade() -> None:
    with op.batch_alter_table("kudos", schema=None) as batch_op:
        batch_op.drop_index("ix_kudos_team_kudos_version")
        batch_op.drop_column("kudos_version")
    with op.batch_alter_table("workspaces", schema=None) as batch_op:
        batch_op.drop_column("kudos_version")
