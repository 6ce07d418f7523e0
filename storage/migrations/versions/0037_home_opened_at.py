"""when each person last opened askaround's Home tab: only an opened tab is rebuilt on change

Nothing is backfilled: who opened the tab before is not known, and their tab is rebuilt the
next time they open it (`app_home_opened`), as a newcomer's is.

Revision ID: 0037
Revises: 0036
Create Date: 2026-12-07 00:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

revision: str = "0037"
down_revision: str | None = "0036"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.add_column(
            sa.Column(
                "home_opened_at", storage.models.base.UTCDateTime(timezone=True), nullable=True
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.drop_column("home_opened_at")
