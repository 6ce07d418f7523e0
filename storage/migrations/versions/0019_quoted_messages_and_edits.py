"""quoted messages and edits: the channel and ts of the message a reaction's kudos (and their
seconds) quote, so an edit of it is quoted as edited and its deletion quotes it no more; and,
for kudos and questions, the ts of the latest edit (or deletion) taken, so an older one Slack
delivers late (a retry) does not bring back earlier words

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05 00:50:00.000000

Kudos given before are read back from their acts' keys: a reaction's is
`react:<channel>:<ts>:<giver>`, a second's names the shout-out, whose kudos give theirs.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("kudos", schema=None) as batch_op:
        batch_op.add_column(sa.Column("quoted_channel_id", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("quoted_ts", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("quoted_change_ts", sa.String(length=32), nullable=True))
        batch_op.create_index(
            "ix_kudos_team_quoted", ["team_id", "quoted_channel_id", "quoted_ts"], unique=False
        )
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("edit_ts", sa.String(length=32), nullable=True))
    bind = op.get_bind()
    quoted = sa.text(
        "UPDATE kudos SET quoted_channel_id = :channel, quoted_ts = :ts WHERE id = :id"
    )
    reactions = bind.execute(
        sa.text("SELECT id, batch_key FROM kudos WHERE source = 'reaction'")
    ).all()
    for row in reactions:
        parts = row.batch_key.split(":")
        if len(parts) == 4 and parts[0] == "react":
            bind.execute(quoted, {"channel": parts[1], "ts": parts[2], "id": row.id})
    # A second's kudos quote what the kudos of the shout-out they second quote.
    seconds = bind.execute(
        sa.text(
            "SELECT s.id, k.quoted_channel_id, k.quoted_ts FROM kudos s JOIN kudos k "
            "ON k.team_id = s.team_id AND k.source = 'reaction' "
            "AND s.batch_key = 'second:' || k.shoutout_channel_id || ':' || k.shoutout_ts "
            "|| ':' || s.giver_user_id "
            "WHERE s.source = 'second' AND k.quoted_ts IS NOT NULL"
        )
    ).all()
    for row in seconds:
        bind.execute(quoted, {"channel": row.quoted_channel_id, "ts": row.quoted_ts, "id": row.id})


def downgrade() -> None:
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.drop_column("edit_ts")
    with op.batch_alter_table("kudos", schema=None) as batch_op:
        batch_op.drop_column("quoted_change_ts")
        batch_op.drop_index("ix_kudos_team_quoted")
        batch_op.drop_column("quoted_ts")
        batch_op.drop_column("quoted_channel_id")
