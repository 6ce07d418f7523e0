"""kudos taken back by an admin: who took them back and why (`taken_back_by`, `taken_back_reason`),
beside `undone_at`, which says when; an Undo by the giver leaves both empty

Revision ID: 0034
Revises: 0033
Create Date: 2026-12-06 00:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0034"
down_revision: str | None = "0033"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("kudos", schema=None) as batch_op:
        batch_op.add_column(sa.Column("taken_back_by", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("taken_back_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("kudos", schema=None) as batch_op:
        batch_op.drop_column("taken_back_reason")
        batch_op.drop_column("taken_back_by")
