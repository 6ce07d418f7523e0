"""kudos' index on team_id alone dropped: each of the table's other indexes leads with team_id,
and every query by the workspace alone was planned as well without it, on SQLite and
PostgreSQL (docs/benchmarks.md), while every kudos given wrote it

Revision ID: 0032
Revises: 0031
Create Date: 2026-12-06 00:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0032"
down_revision: str | None = "0031"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("kudos", schema=None) as batch_op:
        batch_op.drop_index("ix_kudos_team_id")


def downgrade() -> None:
    with op.batch_alter_table("kudos", schema=None) as batch_op:
        batch_op.create_index("ix_kudos_team_id", ["team_id"], unique=False)
