"""the question a message was, found when the message is deleted

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04 12:45:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_questions_message", "questions", ["team_id", "channel_id", "message_ts"])


def downgrade() -> None:
    op.drop_index("ix_questions_message", table_name="questions")
