"""kudos reasons given through Slack's text (/kudos, a :kudos: reaction, and the seconds of
them) stored as typed, as the Give kudos form stores them: Slack's &lt; &gt; &amp; read back

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 13:40:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # `&amp;` last: a typed `&lt;` arrived as `&amp;lt;` and must come back as `&lt;`.
    op.execute(
        "UPDATE kudos SET message = "
        "REPLACE(REPLACE(REPLACE(message, '&lt;', '<'), '&gt;', '>'), '&amp;', '&') "
        "WHERE source IN ('command', 'reaction', 'second') AND message LIKE '%&%'"
    )


def downgrade() -> None:
    """Nothing to undo that matters: Slack shows either form alike."""
