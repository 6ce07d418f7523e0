"""a question's idempotency key unique in its workspace, not across all of them

Kudos' keys were per workspace from the start; questions' were global, so a second
workspace hearing a message with the same channel and ts had its question taken for the
first's twin. No row changes: keys unique across workspaces are unique within each.

Revision ID: 0038
Revises: 0037
Create Date: 2026-12-07 00:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0038"
down_revision: str | None = "0037"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("questions") as batch:
        batch.drop_constraint("uq_questions_idempotency_key", type_="unique")
        batch.create_unique_constraint(
            "uq_questions_team_id_idempotency_key", ["team_id", "idempotency_key"]
        )


def downgrade() -> None:
    with op.batch_alter_table("questions") as batch:
        batch.drop_constraint("uq_questions_team_id_idempotency_key", type_="unique")
        batch.create_unique_constraint("uq_questions_idempotency_key", ["idempotency_key"])
