"""the org chart's history: each change of whom someone reports to, and when

Nothing is backfilled on purpose: someone with no row has reported to their `people` row's
manager since ever (`storage.team_history`), which is how every past week read before, so an
existing install's past digests read as they did, without a row for each of its people.

Revision ID: 0036
Revises: 0035
Create Date: 2026-12-07 00:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

revision: str = "0036"
down_revision: str | None = "0035"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reporting_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("old_manager_user_id", sa.String(length=32), nullable=True),
        sa.Column("new_manager_user_id", sa.String(length=32), nullable=True),
        sa.Column("changed_at", storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reporting_changes")),
    )
    op.create_index(
        "ix_reporting_changes_team_changed_at",
        "reporting_changes",
        ["team_id", "changed_at"],
        unique=False,
    )
    op.create_index(
        "ix_reporting_changes_team_user",
        "reporting_changes",
        ["team_id", "user_id", "changed_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_reporting_changes_team_user", table_name="reporting_changes")
    op.drop_index("ix_reporting_changes_team_changed_at", table_name="reporting_changes")
    op.drop_table("reporting_changes")
