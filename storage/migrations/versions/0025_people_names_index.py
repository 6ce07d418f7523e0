"""people's names indexed: every name shown as plain text is told apart from anyone else of the
workspace with that name, which read the whole people table of a workspace each time

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-05 20:30:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.create_index("ix_people_team_real_name", ["team_id", "real_name"])
        batch_op.create_index("ix_people_team_name", ["team_id", "name"])


def downgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index("ix_people_team_name")
        batch_op.drop_index("ix_people_team_real_name")
