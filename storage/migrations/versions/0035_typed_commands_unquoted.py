"""replies to one of the app's commands sent as a message keep the command alone: the
delivery's payload held the whole message as typed (`/kudos @bob for …`), kept as long as
the workspace's data, which `/skills forget me` could not reach (docs/privacy.md)

Revision ID: 0035
Revises: 0034
Create Date: 2026-12-07 00:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0035"
down_revision: str | None = "0034"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_outbox = sa.table(
    "outbox",
    sa.column("id", sa.Integer),
    sa.column("method", sa.String),
    sa.column("payload", sa.JSON),
)


def upgrade() -> None:
    bind = op.get_bind()
    replies = bind.execute(
        sa.select(_outbox.c.id, _outbox.c.payload).where(_outbox.c.method == "chatter.reply")
    ).all()
    for row_id, payload in replies:
        if not isinstance(payload, dict) or payload.get("said") != "command":
            continue
        typed = str(payload.get("command", "")).split()
        if not typed or "more" in payload:
            continue  # written as the app's words already
        # The first word is the app's command (typed with or without its slash); what
        # followed it is the person's, which the reply need not carry.
        command = typed[0] if typed[0].startswith("/") else f"/{typed[0]}"
        kept = {**payload, "command": command.lower(), "more": len(typed) > 1}
        bind.execute(sa.update(_outbox).where(_outbox.c.id == row_id).values(payload=kept))


def downgrade() -> None:
    """Nothing to undo: the words left out are gone, and the reply reads the same without."""
