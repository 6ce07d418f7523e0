"""question edit: the ts of the latest edit of the question's message taken, so an older one
Slack delivers late (a retry) does not bring back earlier words

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-05 01:45:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("edit_ts", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.drop_column("edit_ts")
