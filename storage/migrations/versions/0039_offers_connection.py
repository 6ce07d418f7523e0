"""the network entry a connector was asked for (`offers.connection_id`): its id while the
entry stands, 0 once its owner removed it (the request then no longer says it came from
their network), NULL for an offer to anyone else or asked before this migration

No foreign key: one added to `offers` would copy the table on SQLite, and the removal
itself marks the offers (`storage.network.delete_connections`, `storage.people.forget_person`).

Revision ID: 0039
Revises: 0038
Create Date: 2026-12-08 00:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0039"
down_revision: str | None = "0038"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("offers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("connection_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("offers", schema=None) as batch_op:
        batch_op.drop_column("connection_id")
