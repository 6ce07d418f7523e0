"""how many colleagues a private question's asker agreed to, when they were told nobody else
might help ("N colleagues, and nobody else I know of might help"): escalation asked whoever
turned up later (gained the skill, came back), though the asker agreed to those alone

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-06 00:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0028"
down_revision: str | None = "0027"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("agreed_colleagues", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.drop_column("agreed_colleagues")
