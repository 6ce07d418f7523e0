"""inbox: requests kept until their work is done, and the replicas doing it

The inbox's unique (team_id, request_key) also drops Slack's retried events, so
`event_receipts` goes.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 11:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC = storage.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "inbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("request_key", sa.String(length=200), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("replica_id", sa.String(length=36), nullable=False),
        sa.Column("received_at", UTC, nullable=False),
        sa.Column("done_at", UTC, nullable=True),
        sa.Column("replays", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox")),
        sa.UniqueConstraint("team_id", "request_key", name=op.f("uq_inbox_team_id_request_key")),
    )
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inbox_team_id"), ["team_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_inbox_received_at"), ["received_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_inbox_done_at"), ["done_at"], unique=False)
    op.create_table(
        "replicas",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("started_at", UTC, nullable=False),
        sa.Column("seen_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_replicas")),
    )
    with op.batch_alter_table("replicas", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_replicas_seen_at"), ["seen_at"], unique=False)
    with op.batch_alter_table("event_receipts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_receipts_received_at"))
    op.drop_table("event_receipts")


def downgrade() -> None:
    op.create_table(
        "event_receipts",
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("received_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("team_id", "event_id", name=op.f("pk_event_receipts")),
    )
    with op.batch_alter_table("event_receipts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_event_receipts_received_at"), ["received_at"], unique=False
        )
    with op.batch_alter_table("replicas", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_replicas_seen_at"))
    op.drop_table("replicas")
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inbox_done_at"))
        batch_op.drop_index(batch_op.f("ix_inbox_received_at"))
        batch_op.drop_index(batch_op.f("ix_inbox_team_id"))
    op.drop_table("inbox")
