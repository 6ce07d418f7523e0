"""the blank row a message deleted before it was received leaves is 'unasked', not withdrawn

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04 19:10:00.000000

Such a row was stored withdrawn, blank, closed the moment it was written and never offered
to anyone; a question asked and then deleted has words until its deletion, closes later than
it was asked, and so is never all of these at once.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "UPDATE questions SET status = 'unasked' "
        "WHERE status = 'withdrawn' AND text = '' AND resolved_at = created_at "
        "AND NOT EXISTS (SELECT 1 FROM offers WHERE offers.question_id = questions.id)"
    )


def downgrade() -> None:
    op.execute("UPDATE questions SET status = 'withdrawn' WHERE status = 'unasked'")
