"""kudos reactions as text: ten reaction names of up to 100 characters each (1,009 with their
commas) did not fit the 200 characters the column had, and PostgreSQL refused the save

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05 13:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("workspaces", schema=None) as batch_op:
        batch_op.alter_column(
            "kudos_reactions", existing_type=sa.String(length=200), type_=sa.Text()
        )


def downgrade() -> None:
    with op.batch_alter_table("workspaces", schema=None) as batch_op:
        batch_op.alter_column(
            "kudos_reactions", existing_type=sa.Text(), type_=sa.String(length=200)
        )
