"""whether a question became private because its conversation was made private (or shared
with another organisation) after it was asked: its asker agreed to nobody new being asked,
where a question asked in private was agreed to by its asker, and a question made private
read the same as one asked so, and went on to the next colleagues

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-06 00:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0026"
down_revision: str | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("made_private", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.drop_column("made_private")
