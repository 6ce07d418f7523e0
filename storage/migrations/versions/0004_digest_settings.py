"""digest settings: who a digest covers, the public roundup, and the posted DM of a run

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 04:14:03.457117
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("digest_runs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("channel_id", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("message_ts", sa.String(length=32), nullable=True))
    with op.batch_alter_table("workspaces", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("digest_scope", sa.String(length=16), nullable=False, server_default="all")
        )
        batch_op.add_column(
            sa.Column("digest_roundup", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("workspaces", schema=None) as batch_op:
        batch_op.drop_column("digest_roundup")
        batch_op.drop_column("digest_scope")
    with op.batch_alter_table("digest_runs", schema=None) as batch_op:
        batch_op.drop_column("message_ts")
        batch_op.drop_column("channel_id")
