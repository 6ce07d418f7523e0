"""kudos quoted change: the ts of the latest edit or deletion of the quoted message the
kudos took, so an older one Slack delivers late (a retry) does not bring back earlier words

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05 01:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("kudos", schema=None) as batch_op:
        batch_op.add_column(sa.Column("quoted_change_ts", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("kudos", schema=None) as batch_op:
        batch_op.drop_column("quoted_change_ts")
