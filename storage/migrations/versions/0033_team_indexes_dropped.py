"""The index on team_id alone dropped from people, inbox and quiet_until: each has a unique
index leading with team_id, and the queries by the workspace alone were planned as well
without it on SQLite and PostgreSQL (but the purge command's count of a large workspace's
inbox, docs/benchmarks.md), while every row written wrote it (an inbox request twice on
PostgreSQL: its update sets the indexed done_at). skills,
skill_aliases, questions and watched_channels keep theirs: SQLite reads it as (team_id, id),
and their queries by the workspace ordered by id scanned the whole table without it.

Revision ID: 0033
Revises: 0032
Create Date: 2026-12-06 00:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0033"
down_revision: str | None = "0032"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("people", "inbox", "quiet_until")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(f"ix_{table}_team_id")


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(f"ix_{table}_team_id", ["team_id"], unique=False)
