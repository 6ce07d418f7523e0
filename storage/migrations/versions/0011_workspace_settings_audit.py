"""workspace settings from Slack: askaround admins, retired company values, the audit log

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 19:58:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("workspaces", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("askaround_admins", sa.JSON(), server_default="[]", nullable=False)
        )
    with op.batch_alter_table("company_values", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("retired_at", storage.models.base.UTCDateTime(timezone=True), nullable=True)
        )
    op.create_table(
        "setting_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("changed_by", sa.String(length=32), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.Column("changed_at", storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_setting_changes")),
    )
    op.create_index(
        "ix_setting_changes_team_id_changed_at",
        "setting_changes",
        ["team_id", "changed_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_setting_changes_team_id_changed_at", table_name="setting_changes")
    op.drop_table("setting_changes")
    with op.batch_alter_table("company_values", schema=None) as batch_op:
        batch_op.drop_column("retired_at")
    with op.batch_alter_table("workspaces", schema=None) as batch_op:
        batch_op.drop_column("askaround_admins")
