"""skills versions and the posted-questions index

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 23:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("workspaces", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("skills_version", sa.Integer(), server_default="0", nullable=False)
        )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("skills_version", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.create_index("ix_people_team_skills_version", ["team_id", "skills_version"])
    op.create_index(
        "ix_questions_posted",
        "questions",
        ["team_id", "id"],
        postgresql_where=sa.text("message_ts IS NOT NULL"),
        sqlite_where=sa.text("message_ts IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_questions_posted", table_name="questions")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index("ix_people_team_skills_version")
        batch_op.drop_column("skills_version")
    with op.batch_alter_table("workspaces", schema=None) as batch_op:
        batch_op.drop_column("skills_version")
