"""bot DMs: each message the bot posts at the top of someone's DM with it, by kind, so that
what they type in its thread is told what that message wants rather than asked of colleagues;
the requests to help and the kudos news already sent are carried over from their own columns

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-05 13:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "bot_dms",
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("channel_id", sa.String(length=32), nullable=False),
        sa.Column("ts", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "channel_id", "ts", name=op.f("pk_bot_dms")),
    )
    op.execute(
        "INSERT INTO bot_dms (team_id, channel_id, ts, kind) "
        "SELECT DISTINCT team_id, dm_channel_id, dm_ts, 'question.offer' FROM offers "
        "WHERE dm_channel_id IS NOT NULL AND dm_ts IS NOT NULL"
    )
    op.execute(
        "INSERT INTO bot_dms (team_id, channel_id, ts, kind) "
        "SELECT DISTINCT k.team_id, k.dm_channel_id, k.dm_ts, 'kudos.received' FROM kudos k "
        "WHERE k.dm_channel_id IS NOT NULL AND k.dm_ts IS NOT NULL AND NOT EXISTS ("
        "SELECT 1 FROM bot_dms b WHERE b.team_id = k.team_id "
        "AND b.channel_id = k.dm_channel_id AND b.ts = k.dm_ts)"
    )


def downgrade() -> None:
    op.drop_table("bot_dms")
